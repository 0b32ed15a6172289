package dev.bootplan.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootplan.service.Admission;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A client that hangs up stops its run: over a real socket to a real Tomcat, a run that would otherwise spin until
 * the (one minute) deadline ends within a second of the client closing, and gives its only simulation thread back.
 * A client that stays, with a JSON body the parser did not read to its end, is not mistaken for one that left.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"bootplan.limits.max-concurrent-runs=1", "bootplan.limits.request-deadline=60s",
        "bootplan.limits.admission-wait=200ms"})
class ClientGoneTests {

    @LocalServerPort
    int port;

    @Autowired
    Spinner spinner;

    @BeforeEach
    void reset() {
        spinner.reset();
    }

    @Test
    void aRunWhoseClientClosedTheConnectionStopsAndFreesItsThread() throws Exception {
        try (Socket socket = post("/test/spin", "{\"millis\": 60000}\n\n")) {
            assertThat(spinner.started.await(10, TimeUnit.SECONDS)).isTrue();
        } // the client hangs up here
        assertThat(spinner.stopped.await(2, TimeUnit.SECONDS)).as("the run saw its stop signal").isTrue();
        // The only simulation thread is free again: the next run gets it at once rather than a 503.
        spinner.reset();
        try (Socket socket = post("/test/spin", "{\"millis\": 10}")) {
            assertThat(statusLine(socket)).isEqualTo("HTTP/1.1 200 ");
        }
    }

    @Test
    void aClientThatStaysIsNotTakenForOneThatLeft() throws Exception {
        // Trailing whitespace the JSON parser leaves unread must not look like a closed connection.
        try (Socket socket = post("/test/spin", "{\"millis\": 600}   \n\n\n")) {
            assertThat(statusLine(socket)).isEqualTo("HTTP/1.1 200 ");
        }
        assertThat(spinner.wasStopped.get()).isFalse();
    }

    private Socket post(String path, String json) throws Exception {
        Socket socket = new Socket("127.0.0.1", port);
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return socket;
    }

    private static String statusLine(Socket socket) throws Exception {
        socket.setSoTimeout(10_000);
        InputStream in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        for (int c; (c = in.read()) != -1 && c != '\r'; ) {
            line.append((char) c);
        }
        return line.substring(0, Math.min(line.length(), "HTTP/1.1 200 ".length()));
    }

    /** A run that spins until its time is up or it is told to stop, as a simulation does between events. */
    @RestController
    static class Spinner {

        private final Admission admission;
        volatile CountDownLatch started = new CountDownLatch(1);
        volatile CountDownLatch stopped = new CountDownLatch(1);
        final AtomicBoolean wasStopped = new AtomicBoolean();

        Spinner(Admission admission) {
            this.admission = admission;
        }

        void reset() {
            started = new CountDownLatch(1);
            stopped = new CountDownLatch(1);
            wasStopped.set(false);
        }

        @PostMapping("/test/spin")
        String spin(@RequestBody Map<String, Integer> body) {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(body.get("millis"));
            return admission.run(stop -> {
                started.countDown();
                while (System.nanoTime() < end) {
                    if (stop.getAsBoolean()) {
                        wasStopped.set(true);
                        stopped.countDown();
                        return "stopped";
                    }
                    Thread.onSpinWait();
                }
                return "done";
            });
        }
    }

    @TestConfiguration
    static class Config {
        @Bean
        Spinner spinner(Admission admission) {
            return new Spinner(admission);
        }
    }
}
