package org.nianbao.web;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A multipart/form-data body, as a browser's form with file inputs sends it. */
final class Multipart {

    private final String boundary = UUID.randomUUID().toString();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    /** Plain fields, given as name, value, name, value… */
    Multipart fields(String... namesAndValues) {
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + namesAndValues[i]
                    + "\"\r\n\r\n" + namesAndValues[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    Multipart file(String field, String fileName, byte[] content) {
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        return this;
    }

    Multipart file(String field, String fileName, String content) {
        return file(field, fileName, content.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code request} made a POST of this body. */
    HttpRequest post(HttpRequest.Builder request) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(body.toByteArray());
        all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(all.toByteArray())).build();
    }
}
