package dev.hookc.compiler.pojo;

import dev.hookc.compiler.pojo.PayloadClasses.PayloadClass;
import dev.hookc.compiler.pojo.PayloadClasses.Property;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Writes a payload class as jsonschema2pojo (with hookc's settings), its code model and {@link
 * PayloadLayout} write it, character for character, without building either's model: about a fifth
 * of a clean build's Java samples and, for one changed event, some 650 classes loaded went to them.
 * A differential test compares the two on every schema of the tests and on generated ones.
 */
final class PayloadWriter {
  private static final String JACKSON = "com.fasterxml.jackson.annotation.";

  private final PayloadClass type;
  private final StringBuilder out = new StringBuilder(8192);

  private PayloadWriter(PayloadClass type) {
    this.type = type;
  }

  /** The source of {@code type}. */
  static String write(PayloadClass type) {
    return new PayloadWriter(type).source();
  }

  private String source() {
    out.append("\npackage ").append(type.packageName()).append(";\n\n");
    imports();
    out.append('\n');
    type.description()
        .ifPresent(
            description -> {
              out.append('\n');
              javadoc("", Optional.of(description), false);
            });
    out.append("@JsonInclude(JsonInclude.Include.NON_NULL)\n@JsonPropertyOrder({\n");
    for (int i = 0; i < type.properties().size(); i++) {
      out.append("    ").append(literal(type.properties().get(i).key()));
      out.append(i + 1 < type.properties().size() ? ",\n" : "\n");
    }
    out.append("})\n@Generated(\"dev.hookc.compiler\")\n");
    out.append("public class ").append(type.simpleName()).append(" {\n\n");
    for (Property property : type.properties()) {
      javadoc("    ", property, property.fieldRequired());
      jsonProperty(property);
      property
          .description()
          .ifPresent(
              d -> out.append("    @JsonPropertyDescription(").append(literal(d)).append(")\n"));
      out.append("    private ").append(property.type()).append(' ');
      out.append(property.field()).append(";\n");
    }
    if (type.extra()) {
      out.append("    @JsonIgnore\n    private Map<String, Object> additionalProperties")
          .append(" = new LinkedHashMap<String, Object>();\n");
    }
    out.append('\n');
    for (Property property : type.properties()) {
      accessors(property);
    }
    if (type.extra()) {
      out.append("    @JsonAnyGetter\n    public Map<String, Object> getAdditionalProperties() {\n")
          .append("        return this.additionalProperties;\n    }\n\n")
          .append("    @JsonAnySetter\n")
          .append("    public void setAdditionalProperty(String name, Object value) {\n")
          .append("        this.additionalProperties.put(name, value);\n    }\n\n");
    }
    toStringMethod();
    hashCodeMethod();
    equalsMethod();
    out.append("}\n");
    return out.toString();
  }

  /** The imports the code model writes: {@code java} packages first, then by name. */
  private void imports() {
    TreeSet<String> java = new TreeSet<>();
    TreeSet<String> others = new TreeSet<>();
    java.add("javax.annotation.processing.Generated");
    others.add(JACKSON + "JsonInclude");
    others.add(JACKSON + "JsonProperty");
    others.add(JACKSON + "JsonPropertyOrder");
    for (Property property : type.properties()) {
      if (property.type().contains("BigDecimal")) {
        java.add("java.math.BigDecimal");
      }
      if (property.type().startsWith("List<")) {
        java.add("java.util.List");
      }
      if (property.type().contains("JsonNode")) {
        others.add("com.fasterxml.jackson.databind.JsonNode");
      }
      if (property.description().isPresent()) {
        others.add(JACKSON + "JsonPropertyDescription");
      }
    }
    if (type.extra()) {
      java.add("java.util.LinkedHashMap");
      java.add("java.util.Map");
      others.add(JACKSON + "JsonAnyGetter");
      others.add(JACKSON + "JsonAnySetter");
      others.add(JACKSON + "JsonIgnore");
    }
    java.forEach(name -> out.append("import ").append(name).append(";\n"));
    others.forEach(name -> out.append("import ").append(name).append(";\n"));
  }

  private void accessors(Property property) {
    javadoc("    ", property, property.getterRequired());
    jsonProperty(property);
    out.append("    public ").append(property.type()).append(' ').append(property.getter());
    out.append("() {\n        return ").append(property.field()).append(";\n    }\n\n");
    javadoc("    ", property, property.setterRequired());
    jsonProperty(property);
    out.append("    public void ").append(property.setter()).append('(');
    out.append(property.type()).append(' ').append(property.field()).append(") {\n");
    out.append("        this.").append(property.field()).append(" = ");
    out.append(property.field()).append(";\n    }\n\n");
  }

  private void jsonProperty(Property property) {
    out.append("    @JsonProperty(").append(literal(property.key())).append(")\n");
  }

  /**
   * A property's Javadoc: its description, and, when its Java name is not derived from its JSON
   * name (a {@code javaName}), the line jsonschema2pojo adds to say which property it is.
   */
  private void javadoc(String indent, Property property, boolean required) {
    if (!property.renamed()) {
      javadoc(indent, property.description(), required);
      return;
    }
    String corresponds = "Corresponds to the \"" + property.key() + "\" property.";
    javadoc(
        indent,
        // Its line first, and the description straight after it, as the code model joins them.
        Optional.of(
            "\n" + corresponds + property.description().filter(d -> !d.isBlank()).orElse("")),
        required);
  }

  /**
   * The code model's Javadoc: the description's lines (none for a blank one, which jsonschema2pojo
   * leaves out), jsonschema2pojo's {@code (Required)} on a line of its own, then an empty line; no
   * Javadoc without either.
   */
  private void javadoc(String indent, Optional<String> description, boolean required) {
    if (description.isEmpty() && !required) {
      return;
    }
    String text =
        description.filter(d -> !d.isBlank()).orElse("") + (required ? "\n(Required)" : "");
    out.append(indent).append("/**\n");
    if (!text.isEmpty()) {
      for (String line : text.split("\n", -1)) {
        out.append(indent).append(" * ").append(line.replace("*/", "*<!---->/")).append('\n');
      }
    }
    out.append(indent).append(" * \n").append(indent).append(" */\n");
  }

  private void toStringMethod() {
    String name = type.simpleName();
    out.append("    @Override\n    public String toString() {\n")
        .append("        StringBuilder sb = new StringBuilder();\n")
        // The header is always over the column limit, so PayloadLayout breaks it at each call.
        .append("        sb.append(")
        .append(name)
        .append(".class.getName())\n")
        .append("            .append('@')\n")
        .append("            .append(Integer.toHexString(System.identityHashCode(this)))\n")
        .append("            .append('[');\n");
    for (String field : fields().keySet()) {
      out.append("        sb.append(")
          .append(literal(field))
          .append(");\n")
          .append("        sb.append('=');\n")
          .append("        sb.append(((this.")
          .append(field)
          .append(" == null)?\"<null>\":this.")
          .append(field)
          .append("));\n")
          .append("        sb.append(',');\n");
    }
    out.append("        if (sb.charAt((sb.length()- 1)) == ',') {\n")
        .append("            sb.setCharAt((sb.length()- 1), ']');\n")
        .append("        } else {\n")
        .append("            sb.append(']');\n")
        .append("        }\n")
        .append("        return sb.toString();\n    }\n\n");
  }

  private void hashCodeMethod() {
    out.append("    @Override\n    public int hashCode() {\n        int result = 1;\n");
    for (String field : hashOrder()) {
      out.append("        result = ((result * 31) + ((this.").append(field);
      out.append(" == null) ? 0 : this.").append(call(field)).append("hashCode()));\n");
    }
    out.append("        return result;\n    }\n\n");
  }

  private void equalsMethod() {
    String name = type.simpleName();
    out.append("    @Override\n    public boolean equals(Object other) {\n")
        .append("        if (other == this) {\n            return true;\n        }\n")
        .append("        if ((other instanceof ")
        .append(name)
        .append(") == false) {\n            return false;\n        }\n")
        .append("        ")
        .append(name)
        .append(" rhs = ((")
        .append(name)
        .append(") other);\n");
    String all = null;
    for (String field : hashOrder()) {
      String same =
          "((this."
              + field
              + " == rhs."
              + field
              + ") || ((this."
              + field
              + " != null) && this."
              + call(field)
              + "equals(rhs."
              + field
              + ")))";
      all = all == null ? same : "(" + all + " && " + same + ")";
    }
    out.append("        return ").append(all).append(";\n    }\n\n");
  }

  /**
   * {@code field} followed by a method call's dot: the code model's formatter puts a space between
   * a digit and a dot (so that {@code 1 .x} is not a number), also after a name ending in one.
   */
  private static String call(String field) {
    return Character.isDigit(field.charAt(field.length() - 1)) ? field + " ." : field + ".";
  }

  /** The fields in declaration order, the map for unknown properties last. */
  private Map<String, Boolean> fields() {
    Map<String, Boolean> fields = new LinkedHashMap<>();
    type.properties().forEach(p -> fields.put(p.field(), true));
    if (type.extra()) {
      fields.put(PayloadClasses.EXTRA, true);
    }
    return fields;
  }

  /**
   * The order of {@code hashCode} and {@code equals}: jsonschema2pojo copies the declared fields
   * into a {@link HashMap} and iterates that, so the same copy gives the same order.
   */
  private Iterable<String> hashOrder() {
    return new HashMap<>(fields()).keySet();
  }

  /** A Java string literal as the code model quotes it. */
  private static String literal(String text) {
    StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\b' -> quoted.append("\\b");
        case '\t' -> quoted.append("\\t");
        case '\n' -> quoted.append("\\n");
        case '\f' -> quoted.append("\\f");
        case '\r' -> quoted.append("\\r");
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            quoted.append(String.format("\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }
}
