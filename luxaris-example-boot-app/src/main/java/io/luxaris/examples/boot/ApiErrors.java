package io.luxaris.examples.boot;

import io.luxaris.errors.AccessDeniedException;
import io.luxaris.errors.ConflictException;
import io.luxaris.errors.LuxarisException;
import io.luxaris.errors.NotFoundException;
import io.luxaris.errors.ValidationException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Luxaris's exception hierarchy as JSON error bodies: {@code ValidationException} 400 with every violation (field,
 * rule, message), {@code AccessDeniedException} 403, {@code NotFoundException} 404, {@code ConflictException} 409.
 * The messages are Luxaris's own safe messages (never a token or credential).
 */
@RestControllerAdvice
class ApiErrors {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    record ViolationBody(String field, String rule, String message) {}

    record ErrorBody(String error, String message, List<ViolationBody> violations) {}

    private static ResponseEntity<ErrorBody> body(HttpStatus status, String error, String message) {
        return ResponseEntity.status(status).body(new ErrorBody(error, message, List.of()));
    }

    @ExceptionHandler(ValidationException.class)
    ResponseEntity<ErrorBody> invalid(ValidationException e) {
        var violations = e.violations().stream()
                .map(v -> new ViolationBody(v.field(), v.rule(), v.message()))
                .toList();
        return ResponseEntity.badRequest().body(new ErrorBody("validation", e.getMessage(), violations));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ErrorBody> denied(AccessDeniedException e) {
        return body(HttpStatus.FORBIDDEN, "access_denied", e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ErrorBody> notFound(NotFoundException e) {
        return body(HttpStatus.NOT_FOUND, "not_found", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ErrorBody> conflict(ConflictException e) {
        return body(HttpStatus.CONFLICT, "conflict", e.getMessage());
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ErrorBody> anonymous(MissingRequestHeaderException e) {
        return body(HttpStatus.UNAUTHORIZED, "unauthenticated", "the " + LuxarisApi.USER + " header names the user");
    }

    /** A malformed id or time in the request. */
    @ExceptionHandler({IllegalArgumentException.class, java.time.DateTimeException.class})
    ResponseEntity<ErrorBody> malformed(RuntimeException e) {
        return body(HttpStatus.BAD_REQUEST, "malformed", e.getMessage());
    }

    @ExceptionHandler(LuxarisException.class)
    ResponseEntity<ErrorBody> other(LuxarisException e) {
        LOG.warn("request failed", e);
        return body(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", e.getMessage());
    }
}
