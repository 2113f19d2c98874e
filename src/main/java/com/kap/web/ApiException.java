package com.kap.web;

import org.springframework.http.HttpStatus;

/** An error the API answers with its own status and a message for the caller. */
public class ApiException extends RuntimeException {

  private final HttpStatus status;

  public ApiException(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  public HttpStatus status() {
    return status;
  }
}
