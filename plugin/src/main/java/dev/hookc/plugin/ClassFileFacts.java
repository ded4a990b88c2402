package dev.hookc.plugin;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the incremental rebuild needs to know of a compiled class, read from its class file: its
 * name, the source file it came from, every class it refers to, and whether it declares constants
 * that other classes may have copied into their own code.
 *
 * <p>The references are every class in the constant pool and every class named in a descriptor or
 * signature there (a method's parameter types, a generic type's arguments, an annotation's type),
 * read from any UTF-8 constant that looks like one: a string that happens to look like a descriptor
 * only adds a dependency, which costs a recompilation and never a wrong class.
 *
 * @param name the class's internal name, {@code a/b/C$D}
 * @param sourceFile the path of its source below a source root, {@code a/b/C.java}; null when the
 *     class file does not say
 * @param references the internal names of the classes it refers to
 * @param sharesConstants whether it declares a non-private constant field, whose value javac copies
 *     into the classes that use it, leaving no reference behind
 */
record ClassFileFacts(
    String name, String sourceFile, Set<String> references, boolean sharesConstants) {
  private static final int MAGIC = 0xCAFEBABE;
  private static final int ACC_PRIVATE = 0x0002;
  private static final Pattern DESCRIBED = Pattern.compile("L([\\p{L}\\p{N}_$/]+)[;<]");

  ClassFileFacts {
    references = Set.copyOf(references);
  }

  /**
   * Reads {@code classFile}.
   *
   * @throws IOException when it cannot be read or is not a class file
   */
  static ClassFileFacts read(Path classFile) throws IOException {
    try (InputStream file = Files.newInputStream(classFile);
        DataInputStream in = new DataInputStream(new BufferedInputStream(file))) {
      return read(in);
    } catch (IOException | RuntimeException e) {
      throw new IOException("cannot read class file " + classFile + ": " + e, e);
    }
  }

  private static ClassFileFacts read(DataInputStream in) throws IOException {
    if (in.readInt() != MAGIC) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort();
    in.readUnsignedShort();
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    // By pool index: the index of a Class constant's name, 0 for other constants.
    int[] classNames = new int[count];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 7 -> classNames[i] = in.readUnsignedShort();
        case 8, 16, 19, 20 -> in.readUnsignedShort();
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
        case 5, 6 -> {
          in.readLong();
          i++;
        }
        case 15 -> {
          in.readUnsignedByte();
          in.readUnsignedShort();
        }
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
    Set<String> references = new HashSet<>();
    for (int nameIndex : classNames) {
      if (nameIndex == 0) {
        continue;
      }
      String className = utf8[nameIndex];
      if (className.startsWith("[")) {
        described(className, references);
      } else {
        references.add(className);
      }
    }
    for (String text : utf8) {
      if (text != null && text.indexOf(';') > 0) {
        described(text, references);
      }
    }
    in.readUnsignedShort();
    String name = utf8[classNames[in.readUnsignedShort()]];
    references.remove(name);
    in.readUnsignedShort();
    int interfaces = in.readUnsignedShort();
    for (int i = 0; i < interfaces; i++) {
      in.readUnsignedShort();
    }
    boolean sharesConstants = false;
    int fields = in.readUnsignedShort();
    for (int f = 0; f < fields; f++) {
      int access = in.readUnsignedShort();
      in.readUnsignedShort();
      in.readUnsignedShort();
      int attributes = in.readUnsignedShort();
      for (int a = 0; a < attributes; a++) {
        String attribute = utf8[in.readUnsignedShort()];
        skip(in, in.readInt());
        if ("ConstantValue".equals(attribute) && (access & ACC_PRIVATE) == 0) {
          sharesConstants = true;
        }
      }
    }
    int methods = in.readUnsignedShort();
    for (int m = 0; m < methods; m++) {
      in.readUnsignedShort();
      in.readUnsignedShort();
      in.readUnsignedShort();
      int attributes = in.readUnsignedShort();
      for (int a = 0; a < attributes; a++) {
        in.readUnsignedShort();
        skip(in, in.readInt());
      }
    }
    String sourceFile = null;
    int attributes = in.readUnsignedShort();
    for (int a = 0; a < attributes; a++) {
      String attribute = utf8[in.readUnsignedShort()];
      int length = in.readInt();
      if ("SourceFile".equals(attribute)) {
        String file = utf8[in.readUnsignedShort()];
        int slash = name.lastIndexOf('/');
        sourceFile = slash < 0 ? file : name.substring(0, slash + 1) + file;
        skip(in, length - 2);
      } else {
        skip(in, length);
      }
    }
    return new ClassFileFacts(name, sourceFile, references, sharesConstants);
  }

  private static void described(String text, Set<String> references) {
    Matcher matcher = DESCRIBED.matcher(text);
    while (matcher.find()) {
      references.add(matcher.group(1));
    }
  }

  private static void skip(DataInputStream in, int bytes) throws IOException {
    in.skipNBytes(bytes);
  }
}
