package com.kap.platform.exports;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import org.apache.pdfbox.pdmodel.PDDocument;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * PDF documents laid out from XHTML templates ({@code templates/exports/NAME.xhtml}): Thymeleaf fills the template in
 * XML mode, so every value is escaped and the result is well-formed XHTML, and openhtmltopdf lays it out on Apache
 * PDFBox with the CSS of the template, in the PDF standard fonts and, for what they lack (Greek, Cyrillic, Central
 * European letters), the Liberation Sans that comes with PDFBox. Nothing is loaded from outside: a template holds its
 * own styles, and any other resource it names is left out.
 *
 * <p>A document is made in a language (the requester's): its {@code #{key}} texts come from KAP's bundles in that
 * language ({@code i18n/exports*.properties}, docs/i18n.md) and the template has it as {@code lang}
 * ({@code <html th:lang="${lang}">}).
 */
@Component
public class PdfDocuments {

  public static final MediaType MEDIA_TYPE = MediaType.APPLICATION_PDF;

  /**
   * The family a template names after its first choice, e.g. {@code font-family: sans-serif, 'Liberation Sans'}, for
   * the characters that the first does not have.
   */
  public static final String FALLBACK_FAMILY = "Liberation Sans";
  private static final String FALLBACK_FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

  private final SpringTemplateEngine templates = new SpringTemplateEngine();

  public PdfDocuments(MessageSource messages) {
    templates.setMessageSource(messages);
    XRLog.setLoggerImpl(new PdfLog());
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/exports/");
    resolver.setSuffix(".xhtml");
    resolver.setTemplateMode(TemplateMode.XML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    templates.setTemplateResolver(resolver);
  }

  /** The template, filled with the variables in the language, as XHTML: what {@link #render} lays out. */
  public String xhtml(String template, Map<String, Object> variables, Locale locale) {
    Map<String, Object> all = new HashMap<>(variables);
    all.put("lang", locale.getLanguage().isEmpty() ? "en" : locale.getLanguage());
    return templates.process(template, new Context(locale, all));
  }

  /** The template, filled with the variables in the language, as a PDF. */
  public byte[] render(String template, Map<String, Object> variables, Locale locale) {
    String xhtml = xhtml(template, variables, locale);
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      // the PDF standard fonts cover Western European text only; PDFBox's Liberation Sans lays out the rest
      builder.useFont(() -> PDDocument.class.getResourceAsStream(FALLBACK_FONT), FALLBACK_FAMILY, 400,
          BaseRendererBuilder.FontStyle.NORMAL, true);
      builder.useUriResolver((baseUri, uri) -> null);
      builder.withHtmlContent(xhtml, null);
      builder.toStream(out);
      builder.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("the PDF could not be written", e);
    }
  }
}
