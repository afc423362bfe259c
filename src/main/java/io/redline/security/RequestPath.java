package io.redline.security;

import jakarta.servlet.http.HttpServletRequest;

/** The decoded path of a request within its servlet context: {@code /articles/a1}, {@code /tasks/gc}. */
final class RequestPath {
    private RequestPath() {
    }

    static String of(HttpServletRequest request) {
        String servlet = request.getServletPath() == null ? "" : request.getServletPath();
        String info = request.getPathInfo() == null ? "" : request.getPathInfo();
        String path = servlet + info;
        return path.isEmpty() ? "/" : path;
    }
}
