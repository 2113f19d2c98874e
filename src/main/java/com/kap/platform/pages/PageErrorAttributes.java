package com.kap.platform.pages;

import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * Spring Boot's error attributes, plus the sentence KAP's pages gave a refusal ({@link #MESSAGE}): Boot hides error
 * messages, since an exception's message may say too much, but a sentence written for the user is meant to be read.
 * KAP's error page ({@code templates/error.html}) shows it.
 */
@Component
public class PageErrorAttributes extends DefaultErrorAttributes {

  /** The request attribute that carries a refusal's sentence to the error page. */
  public static final String MESSAGE = "kap.pages.errorMessage";

  @Override
  public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
    Map<String, Object> attributes = super.getErrorAttributes(request, options);
    Object message = request.getAttribute(MESSAGE, RequestAttributes.SCOPE_REQUEST);
    if (message instanceof String sentence) {
      attributes.put("kapMessage", sentence);
    }
    return attributes;
  }
}
