package io.claimwatch.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/**
 * Writes a Dataflow Flex Template metadata file for {@link ClaimwatchOptions}: one parameter per
 * option the interface declares, with its name, a label, its help text (the option's
 * {@code @Description}, and its default) and whether it is optional (it is unless it is
 * {@code @Validation.Required} with no {@code @Default}). Generated from the interface, so it never
 * drifts from the options the pipeline really takes.
 *
 * <pre>java -cp claimwatch-pipeline-bundled-*.jar io.claimwatch.pipeline.FlexTemplateMetadata [FILE]</pre>
 *
 * prints the JSON, or writes it to FILE.
 */
public final class FlexTemplateMetadata {
  static final String NAME = "Claimwatch";
  static final String DESCRIPTION = "News articles (JSON Lines or Avro) in; claim/source tuples and daily "
      + "cross-outlet claim counts (JSON Lines and Avro), dead letters and a run summary out.";

  private FlexTemplateMetadata() {}

  public static void main(String[] args) throws IOException {
    String json = json(ClaimwatchOptions.class);
    if (args.length > 0) {
      Path file = Path.of(args[0]);
      if (file.toAbsolutePath().getParent() != null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
      }
      Files.writeString(file, json + "\n");
    } else {
      System.out.println(json);
    }
  }

  static String json(Class<? extends PipelineOptions> options) throws IOException {
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(metadata(options));
  }

  static Map<String, Object> metadata(Class<? extends PipelineOptions> options) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", NAME);
    metadata.put("description", DESCRIPTION);
    metadata.put("parameters", parameters(options));
    return metadata;
  }

  /** The options {@code options} declares itself (not those it inherits), by name. */
  static List<Map<String, Object>> parameters(Class<? extends PipelineOptions> options) {
    List<Method> getters = new ArrayList<>();
    for (Method method : options.getDeclaredMethods()) {
      if (!Modifier.isStatic(method.getModifiers()) && method.getParameterCount() == 0 && property(method) != null) {
        getters.add(method);
      }
    }
    getters.sort(Comparator.comparing(FlexTemplateMetadata::property));
    List<Map<String, Object>> parameters = new ArrayList<>();
    for (Method getter : getters) {
      String name = property(getter);
      Description description = getter.getAnnotation(Description.class);
      if (description == null) {
        throw new IllegalStateException(options.getSimpleName() + "." + getter.getName() + " has no @Description");
      }
      String defaultValue = defaultValue(getter);
      boolean required = getter.isAnnotationPresent(Validation.Required.class) && defaultValue == null;
      Map<String, Object> parameter = new LinkedHashMap<>();
      parameter.put("name", name);
      parameter.put("label", label(name));
      parameter.put("helpText", description.value() + (defaultValue == null ? "" : " Default: " + defaultValue + "."));
      parameter.put("isOptional", !required);
      parameters.add(parameter);
    }
    return parameters;
  }

  /** {@code getMaxRecordBytes} → {@code maxRecordBytes}; null for a method that is not a getter. */
  static String property(Method method) {
    String name = method.getName();
    int prefix = name.startsWith("get") ? 3
        : name.startsWith("is") && (method.getReturnType() == boolean.class || method.getReturnType() == Boolean.class) ? 2
        : -1;
    if (prefix < 0 || name.length() == prefix || method.getReturnType() == void.class) {
      return null;
    }
    return Character.toLowerCase(name.charAt(prefix)) + name.substring(prefix + 1);
  }

  /**
   * The value of the getter's {@code @Default.X} annotation, as text; null when it has none or when a
   * factory computes it (its description says what it is).
   */
  static String defaultValue(Method getter) {
    for (Annotation annotation : getter.getAnnotations()) {
      Class<? extends Annotation> type = annotation.annotationType();
      if (type == Default.InstanceFactory.class) {
        return null;
      }
      if (type.getEnclosingClass() == Default.class) {
        try {
          Object value = type.getMethod("value").invoke(annotation);
          return String.valueOf(value);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("unreadable default of " + getter, e);
        }
      }
    }
    return null;
  }

  /** {@code maxRecordBytes} → {@code Max record bytes}. */
  static String label(String property) {
    String words = property.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
