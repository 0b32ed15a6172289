package dev.bootplan.web;

import org.springframework.web.multipart.MultipartFile;

/** How an uploaded part is named in issues. */
final class Uploads {

    private Uploads() {}

    /** The uploaded file's own name, or the part's; never a path (a client's directory layout is not ours to echo). */
    static String sourceName(MultipartFile file) {
        String name = file.getOriginalFilename();
        if (name == null || name.isBlank()) {
            return file.getName();
        }
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    }
}
