package com.kap.platform.pages;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of KAP's pages under {@code /kap/}: {@link PageModel} gives its templates who is logged in and
 * the CSRF token for their forms.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface KapPage {}
