package dev.hookc.compiler.naming;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.ClassName;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuntimeTypesTest {

  @Test
  void everyRuntimeTypeTheGeneratorNamesExistsInTheRuntime() throws Exception {
    List<String> names = new ArrayList<>();
    for (Field field : RuntimeTypes.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == ClassName.class) {
        names.add(((ClassName) field.get(null)).reflectionName());
      }
    }
    assertThat(names).hasSizeGreaterThan(40);

    List<String> missing = new ArrayList<>();
    for (String name : names) {
      try {
        Class<?> type = Class.forName(name, false, getClass().getClassLoader());
        if (!Modifier.isPublic(type.getModifiers())) {
          missing.add(name + " (not public)");
        }
      } catch (ClassNotFoundException e) {
        missing.add(name);
      }
    }
    assertThat(missing).as("runtime types named by the generator but absent").isEmpty();
  }

  @Test
  void namesEveryRuntimeTypeOnce() throws Exception {
    List<String> names = new ArrayList<>();
    for (Field field : RuntimeTypes.class.getDeclaredFields()) {
      if (field.getType() == ClassName.class) {
        names.add(((ClassName) field.get(null)).canonicalName());
      }
    }
    assertThat(names).doesNotHaveDuplicates();
  }
}
