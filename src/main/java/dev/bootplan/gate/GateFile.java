package dev.bootplan.gate;

/** One file the gate reads, with the name its messages and locations use ("examples/storage-server.json", "-"). */
public record GateFile(String name, String text) {

    public GateFile {
        name = name == null || name.isBlank() ? "-" : name;
        text = text == null ? "" : text;
    }
}
