package dev.minrole.analyzer.java;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.printer.DefaultPrettyPrinter;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SourceLocation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/**
 * Parses every Java file under the given paths, on all cores. A file that does not parse, is not
 * UTF-8, or is too deeply nested for the parser is reported as a finding; the rest still load.
 */
public final class JavaSourceLoader {
  /**
   * Files larger than this are generated code, not Lambda sources; they are reported and skipped.
   */
  static final long MAX_FILE_BYTES = 8L * 1024 * 1024;

  /**
   * How long one file may take to parse before it is skipped (the system property {@code
   * minrole.parseTimeoutSeconds} changes it). Ordinary files take milliseconds; the watchdog only
   * ends shapes that make the parser's lookahead explode, which {@link SourceNesting} does not
   * already catch.
   */
  static final long PARSE_TIMEOUT_SECONDS = Long.getLong("minrole.parseTimeoutSeconds", 60L);

  private final int threads;

  public JavaSourceLoader() {
    this(Runtime.getRuntime().availableProcessors());
  }

  public JavaSourceLoader(int threads) {
    this.threads = Math.max(1, threads);
  }

  /**
   * The configuration shared by every parse: Java 21 syntax, comments not attributed. Tokens are
   * kept while parsing, because JavaParser derives node positions (and so every reported line) from
   * them; {@link #settle} drops them afterwards.
   */
  public static ParserConfiguration parserConfiguration() {
    return new ParserConfiguration()
        .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21)
        .setAttributeComments(false);
  }

  public SourceSet load(List<Path> roots) throws IOException {
    return load(roots, null);
  }

  /**
   * Loads, showing paths relative to {@code displayBase} (a template's directory) where they can
   * be.
   */
  public SourceSet load(List<Path> roots, Path displayBase) throws IOException {
    JavaFileWalker.Result walked = new JavaFileWalker(displayBase).walk(roots);
    List<JavaFileWalker.Found> found = walked.files();
    List<Finding> findings = new ArrayList<>(walked.findings());
    List<Outcome> outcomes = parseAll(found);
    List<ParsedFile> files = new ArrayList<>();
    List<String> unanalyzed = new ArrayList<>();
    for (int i = 0; i < outcomes.size(); i++) {
      Outcome outcome = outcomes.get(i);
      outcome.file().ifPresent(files::add);
      findings.addAll(outcome.findings());
      if (outcome.file().isEmpty()
          && outcome.findings().stream()
              .anyMatch(f -> f.id().equals("PARSE_ERROR") || f.id().equals("SOURCE_SKIPPED"))) {
        unanalyzed.add(found.get(i).displayPath());
      }
    }
    return new SourceSet(files, findings, found.size(), unanalyzed);
  }

  private record Outcome(Optional<ParsedFile> file, List<Finding> findings) {}

  private List<Outcome> parseAll(List<JavaFileWalker.Found> found) throws IOException {
    ThreadLocal<JavaParser> parsers =
        ThreadLocal.withInitial(() -> new JavaParser(parserConfiguration()));
    List<Callable<Outcome>> tasks = new ArrayList<>(found.size());
    for (JavaFileWalker.Found f : found) {
      tasks.add(() -> parseOne(parsers.get(), f));
    }
    try {
      return Workers.run("minrole-parse", threads, tasks);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while parsing Java sources", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException("parser failed", e.getCause());
    }
  }

  private static Outcome parseOne(JavaParser parser, JavaFileWalker.Found found) {
    String display = found.displayPath();
    SourceLocation where = SourceLocation.file(display);
    List<Finding> findings = new ArrayList<>();
    byte[] bytes;
    try {
      long size = Files.size(found.path());
      if (size > MAX_FILE_BYTES) {
        findings.add(
            skipped(
                String.format(
                    Locale.ROOT,
                    "the file is %.1f MiB, over the %d MiB limit for one source file (generated"
                        + " code?), so it is not analyzed; exclude it or split it",
                    size / (1024.0 * 1024.0),
                    MAX_FILE_BYTES >> 20),
                where));
        return new Outcome(Optional.empty(), findings);
      }
      bytes = Files.readAllBytes(found.path());
    } catch (IOException e) {
      findings.add(
          Finding.warning(
              "UNREADABLE_SOURCE",
              "cannot read " + display + ": " + e.getMessage() + "; check its permissions",
              where));
      return new Outcome(Optional.empty(), findings);
    }
    String text = decode(bytes, display, findings);
    SourceNesting.Depth nesting = SourceNesting.of(text);
    if (nesting.brackets() > SourceNesting.MAX_BRACKETS) {
      findings.add(
          skipped(
              "brackets are nested "
                  + nesting.brackets()
                  + " deep, over the limit of "
                  + SourceNesting.MAX_BRACKETS
                  + " (the parser would run out of stack at a depth that varies from run to run),"
                  + " so the file is not analyzed; simplify its most deeply nested expression",
              where));
      return new Outcome(Optional.empty(), findings);
    }
    int lambdas = nesting.lambdas();
    if (lambdas > SourceNesting.MAX_LAMBDAS) {
      findings.add(
          skipped(
              "lambdas are nested "
                  + lambdas
                  + " deep, over the limit of "
                  + SourceNesting.MAX_LAMBDAS
                  + " (the parser's work doubles with each level), so the file is not analyzed;"
                  + " move the inner lambdas into methods",
              where));
      return new Outcome(Optional.empty(), findings);
    }
    Optional<ParseResult<CompilationUnit>> parsed;
    try {
      parsed = Watchdog.run(() -> parse(parser, text), PARSE_TIMEOUT_SECONDS);
    } catch (StackOverflowError e) {
      findings.add(
          Finding.error(
              "PARSE_ERROR",
              "the file is nested too deeply to parse and is skipped; simplify the deepest expression",
              where));
      return new Outcome(Optional.empty(), findings);
    }
    if (parsed.isEmpty()) {
      findings.add(
          skipped(
              "parsing took longer than the limit of "
                  + PARSE_TIMEOUT_SECONDS
                  + " s (set with -Dminrole.parseTimeoutSeconds), so the file is not analyzed;"
                  + " simplify its most deeply nested expression",
              where));
      return new Outcome(Optional.empty(), findings);
    }
    ParseResult<CompilationUnit> result = parsed.get();
    if (!result.isSuccessful() || result.getResult().isEmpty()) {
      Problem problem = result.getProblems().isEmpty() ? null : result.getProblems().get(0);
      int line =
          problem == null
              ? 0
              : problem
                  .getLocation()
                  .flatMap(l -> l.getBegin().getRange())
                  .map(r -> r.begin.line)
                  .orElse(0);
      String detail = problem == null ? "syntax error" : shorten(problem.getMessage());
      findings.add(
          Finding.error(
              "PARSE_ERROR",
              "cannot parse Java ("
                  + detail
                  + "); the file is skipped. Check that it compiles with javac at language level 21"
                  + " or lower",
              SourceLocation.of(display, line)));
      return new Outcome(Optional.empty(), findings);
    }
    return new Outcome(
        Optional.of(new ParsedFile(found.path(), display, result.getResult().get())), findings);
  }

  private static ParseResult<CompilationUnit> parse(JavaParser parser, String text) {
    ParseResult<CompilationUnit> result = parser.parse(text);
    if (result.isSuccessful() && result.getResult().isPresent()) {
      settle(result.getResult().get());
    }
    return result;
  }

  private static Finding skipped(String why, SourceLocation where) {
    return Finding.error("SOURCE_SKIPPED", why, where).hidingCode(false);
  }

  /**
   * Makes a freshly parsed tree lean and safe to share between threads, in one walk. Every node
   * keeps its range (its lines and columns) but drops its tokens: the analyzer never reads tokens,
   * and they are about half of a tree's memory. The unit's printer, which JavaParser would
   * otherwise install on the first {@code toString()} with an unsynchronized write, is installed
   * here, so that analyses on several threads only ever read the tree. The walk also notes the
   * file's {@link LocalDeclarations} for the index.
   */
  static void settle(CompilationUnit unit) {
    LocalDeclarations local = new LocalDeclarations();
    unit.walk(
        node -> {
          Range range = node.getRange().orElse(null);
          node.setTokenRange(null);
          node.setRange(range);
          local.visit(node);
        });
    local.attachTo(unit);
    unit.printer(new DefaultPrettyPrinter());
  }

  /** The parser's message without its long list of expected tokens. */
  private static String shorten(String message) {
    String first = message.lines().findFirst().orElse(message).strip();
    int expected = first.indexOf(", expected one of");
    if (expected > 0) {
      first = first.substring(0, expected);
    }
    return first.length() > 120 ? first.substring(0, 120) + "..." : first;
  }

  /** UTF-8, or Latin-1 with a finding if the bytes are not UTF-8. A byte-order mark is dropped. */
  private static String decode(byte[] bytes, String display, List<Finding> findings) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      text = new String(bytes, StandardCharsets.ISO_8859_1);
      findings.add(
          Finding.info(
              "NON_UTF8_SOURCE",
              display + " is not valid UTF-8; it was read as ISO-8859-1. Save it as UTF-8",
              SourceLocation.file(display)));
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
