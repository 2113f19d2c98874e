package com.kap.platform.tasklist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kap.platform.i18n.Bundles;
import com.kap.platform.i18n.DiagramNames;
import com.kap.platform.i18n.SourceTexts;
import com.kap.platform.i18n.UserLocales;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Tasklist in the language of the person logged in: the forms and start forms, the names of tasks, processes and
 * filters come from files in English ({@code forms/}, {@code bpmn/}, {@code RoleAccess}); for a French user this
 * filter rewrites the webapps' engine API answers that carry them with their French ({@link SourceTexts}). Values
 * and keys are left as they are, so that what a form submits is the same in either language. An English user's
 * answers pass untouched, and only the few calls below are read at all:
 *
 * <ul>
 *   <li>{@code task/{id}/deployed-form}, {@code process-definition/{id|key/k}/deployed-start-form}: the form;
 *   <li>{@code task}, {@code task/{id}}, {@code filter/{id}/list}, {@code filter/{id}/singleResult}: task names,
 *       and the names of the processes HAL embeds;
 *   <li>{@code process-definition}, {@code process-definition/{id|key/k}}: process names ("Start process");
 *   <li>{@code filter}, {@code filter/{id}}: filter names;
 *   <li>{@code process-definition/{id|key/k}/xml}: the diagram of the task's "Diagram" tab, its {@code bpmn20Xml}
 *       with the names of its steps, events, gateways and "yes" / "no" flows in French ({@link DiagramNames}).
 * </ul>
 */
@Configuration
public class TasklistTranslation {

  static final Pattern ENGINE_CALL = Pattern.compile("^/api/engine/engine/[^/]+/(.+?)/?$");
  static final Pattern FORM = Pattern.compile(
      "^(task/[^/]+/deployed-form|process-definition/(key/)?[^/]+(/tenant-id/[^/]+)?/deployed-start-form)$");
  static final Pattern TASKS = Pattern.compile("^(task|task/[^/]+|filter/[^/]+/list|filter/[^/]+/singleResult)$");
  static final Pattern DEFINITIONS = Pattern.compile("^(process-definition|process-definition/(key/)?[^/]+)$");
  static final Pattern FILTERS = Pattern.compile("^filter(/[^/]+)?$");
  static final Pattern DIAGRAM = Pattern.compile("^process-definition/(key/[^/]+(/tenant-id/[^/]+)?|[^/]+)/xml$");
  private static final ObjectMapper JSON = new ObjectMapper();

  enum Kind { FORM, TASKS, DEFINITIONS, FILTERS, DIAGRAM }

  @Bean
  FilterRegistrationBean<Filter> tasklistTranslationFilter(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath, UserLocales locales,
      ProcessEngine engine) {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new TranslationFilter(webappPath, locales, engine));
    registration.setName("kap-tasklist-translation");
    registration.addUrlPatterns(webappPath + "/api/engine/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 60);
    return registration;
  }

  /** What kind of answer a call of the webapps' engine API gets, or null for one that is not translated. */
  static Kind kind(String method, String path) {
    Matcher call = ENGINE_CALL.matcher(path);
    if (!call.matches()) {
      return null;
    }
    String rest = call.group(1);
    boolean reading = "GET".equals(method);
    if (reading && FORM.matcher(rest).matches()) {
      return Kind.FORM;
    }
    if (rest.endsWith("/count")) {
      return null;
    }
    if (TASKS.matcher(rest).matches() && (reading || "POST".equals(method))
        && (reading || !rest.startsWith("task/"))) {
      return Kind.TASKS;
    }
    if (reading && DEFINITIONS.matcher(rest).matches()) {
      return Kind.DEFINITIONS;
    }
    if (reading && FILTERS.matcher(rest).matches()) {
      return Kind.FILTERS;
    }
    if (reading && DIAGRAM.matcher(rest).matches()) {
      return Kind.DIAGRAM;
    }
    return null;
  }

  static final class TranslationFilter implements Filter {

    private final String webappPath;
    private final CachedUserLocales userLocales;
    private final ProcessEngine engine;
    private final Map<String, String> definitionKeys = new ConcurrentHashMap<>();

    TranslationFilter(String webappPath, UserLocales locales, ProcessEngine engine) {
      this.webappPath = webappPath;
      this.userLocales = new CachedUserLocales(locales, CachedUserLocales.KEPT, System::nanoTime);
      this.engine = engine;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse answer)) {
        chain.doFilter(request, response);
        return;
      }
      String path = http.getRequestURI().substring(http.getContextPath().length());
      Kind kind = path.startsWith(webappPath) ? kind(http.getMethod(), path.substring(webappPath.length())) : null;
      Locale locale = kind == null ? null : userLocale(http);
      if (!SourceTexts.isFrench(locale)) {
        chain.doFilter(request, response);
        return;
      }
      BufferedResponse buffered = new BufferedResponse(answer);
      chain.doFilter(request, buffered);
      byte[] body = buffered.body();
      String type = buffered.getContentType();
      if (buffered.getStatus() == HttpServletResponse.SC_OK && type != null && type.contains("json")
          && body.length > 0 && buffered.getHeader("Content-Encoding") == null) {
        try {
          JsonNode json = JSON.readTree(body);
          translate(kind, json, locale);
          body = JSON.writeValueAsBytes(json);
        } catch (IOException | RuntimeException unreadable) {
          // not the JSON expected: the answer goes out as Camunda wrote it
        }
      }
      if (body.length == 0) {
        return; // nothing written (no content, or an error page that goes out by itself)
      }
      answer.setContentLength(body.length);
      answer.getOutputStream().write(body);
      answer.flushBuffer();
    }

    private Locale userLocale(HttpServletRequest request) {
      HttpSession session = request.getSession(false);
      Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
      if (authentications == null) {
        return null;
      }
      String engineName = engine.getName();
      if (!(authentications.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication user)) {
        return null;
      }
      return userLocales.of(user.getIdentityId());
    }

    void translate(Kind kind, JsonNode json, Locale locale) {
      switch (kind) {
        case FORM -> SourceTexts.translateForm(json, locale);
        case TASKS -> {
          JsonNode embedded = json.path("_embedded");
          for (JsonNode task : embedded.has("task") ? items(embedded.path("task")) : items(json)) {
            translateTask(task, locale);
          }
          for (JsonNode definition : embedded.path("processDefinition")) {
            translateDefinition(definition, locale);
          }
        }
        case DEFINITIONS -> {
          for (JsonNode definition : items(json)) {
            translateDefinition(definition, locale);
          }
        }
        case DIAGRAM -> {
          if (json.path("bpmn20Xml").isTextual() && json instanceof ObjectNode diagram) {
            diagram.put("bpmn20Xml", DiagramNames.translate(json.path("bpmn20Xml").asText(), locale));
          }
        }
        case FILTERS -> {
          for (JsonNode filter : items(json)) {
            String key = SourceTexts.filterKey(filter.path("name").asText(""));
            rename(filter.path("properties"), "description", key, locale);
            rename(filter, "name", key, locale);
            for (JsonNode column : filter.path("properties").path("variables")) {
              rename(column, "label", "filter.column." + column.path("name").asText(), locale);
            }
          }
        }
      }
    }

    /** The entries of a list answer, or the one entry of a single one. */
    private static java.util.List<JsonNode> items(JsonNode json) {
      java.util.List<JsonNode> items = new java.util.ArrayList<>();
      if (json.isArray()) {
        json.forEach(items::add);
      } else if (json.isObject()) {
        items.add(json);
      }
      return items;
    }

    private void translateTask(JsonNode task, Locale locale) {
      String definitionKey = task.path("taskDefinitionKey").asText(null);
      String processKey = processKey(task.path("processDefinitionId").asText(null));
      if (definitionKey != null && processKey != null) {
        rename(task, "name", processKey + "." + definitionKey + ".name", locale);
      }
      translateColumns(task.path("_embedded").path("variable"), locale);
    }

    /**
     * The filter's columns a task card shows (HAL embeds them in each task): "All accounts", "All segments" said in
     * the user's language ({@link TaskListColumns#WORDS}); the accounts' names, segments and years as they are.
     */
    static void translateColumns(JsonNode variables, Locale locale) {
      for (JsonNode variable : variables) {
        String column = variable.path("name").asText("");
        String english = TaskListColumns.WORDS.get(column);
        if (english != null && english.equals(variable.path("value").asText(null))
            && variable instanceof ObjectNode object) {
          object.put("value", Bundles.standalone().getMessage(TaskListColumns.WORD_KEYS.get(column), null, locale));
        }
      }
    }

    private static void translateDefinition(JsonNode definition, Locale locale) {
      if (definition.hasNonNull("key")) {
        rename(definition, "name", definition.path("key").asText() + ".name", locale);
      }
    }

    private static void rename(JsonNode node, String field, String key, Locale locale) {
      String text = SourceTexts.text(locale, key);
      if (text != null && node instanceof ObjectNode object && object.path(field).isTextual()) {
        object.put(field, text);
      }
    }

    /** A definition's key: the start of its id ({@code key:version:uuid}), else the engine's answer, kept. */
    private String processKey(String definitionId) {
      if (definitionId == null) {
        return null;
      }
      int colon = definitionId.indexOf(':');
      if (colon > 0) {
        return definitionId.substring(0, colon);
      }
      return definitionKeys.computeIfAbsent(definitionId, id -> {
        try {
          ProcessDefinition definition = engine.getRepositoryService().getProcessDefinition(id);
          return definition == null ? "" : definition.getKey();
        } catch (RuntimeException notFound) {
          return "";
        }
      });
    }
  }

  /** Keeps what Camunda writes, so that it can be translated before it goes out. */
  static final class BufferedResponse extends HttpServletResponseWrapper {

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private ServletOutputStream stream;
    private PrintWriter writer;

    BufferedResponse(HttpServletResponse response) {
      super(response);
    }

    byte[] body() {
      if (writer != null) {
        writer.flush();
      }
      return body.toByteArray();
    }

    @Override
    public ServletOutputStream getOutputStream() {
      if (stream == null) {
        stream = new ServletOutputStream() {
          @Override
          public void write(int b) {
            body.write(b);
          }

          @Override
          public void write(byte[] bytes, int offset, int length) {
            body.write(bytes, offset, length);
          }

          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("KAP translates the answer before it goes out");
          }
        };
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() {
      if (writer == null) {
        String encoding = getCharacterEncoding();
        writer = new PrintWriter(new OutputStreamWriter(body,
            encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
      }
      return writer;
    }

    @Override
    public void setContentLength(int length) {
      // the translation has its own length
    }

    @Override
    public void setContentLengthLong(long length) {
      // the translation has its own length
    }

    @Override
    public void setHeader(String name, String value) {
      if (!"Content-Length".equalsIgnoreCase(name)) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!"Content-Length".equalsIgnoreCase(name)) {
        super.addHeader(name, value);
      }
    }

    @Override
    public void setIntHeader(String name, int value) {
      if (!"Content-Length".equalsIgnoreCase(name)) {
        super.setIntHeader(name, value);
      }
    }

    @Override
    public void flushBuffer() {
      // nothing goes out before the translation
    }

    @Override
    public void resetBuffer() {
      body.reset();
      super.resetBuffer();
    }

    @Override
    public void reset() {
      body.reset();
      super.reset();
    }
  }
}
