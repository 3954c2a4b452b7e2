package dev.lifecycle.proptest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The README's proptest quickstart is this file's region between the {@code README} markers, so
 * the snippet users copy is compiled and run here; the failing report the README shows is the one
 * {@link #brokenStack_failsWithTheReportShownInTheReadme} gets.
 */
final class ReadmeQuickstartTest {
  /** The system of the quickstart: a stack of ints. */
  interface IntStack {
    void push(int x);

    int pop();

    int size();
  }

  /** A correct stack. */
  static final class ArrayStack implements IntStack {
    private final Deque<Integer> items = new ArrayDeque<>();

    @Override
    public void push(int x) {
      items.push(x);
    }

    @Override
    public int pop() {
      return items.pop();
    }

    @Override
    public int size() {
      return items.size();
    }
  }

  /** A stack with room for three that ignores a fourth push. */
  static final class FullStack implements IntStack {
    private final int[] items = new int[3];
    private int size;

    @Override
    public void push(int x) {
      if (size < items.length) {
        items[size++] = x;
      }
    }

    @Override
    public int pop() {
      return items[--size];
    }

    @Override
    public int size() {
      return size;
    }
  }

  static <T> List<T> reversed(List<T> list) {
    List<T> copy = new ArrayList<>(list);
    Collections.reverse(copy);
    return copy;
  }

  // README:proptest-quickstart:begin
  @Test
  void reverseTwice_givesTheList() {
    Property.forAll(Gen.lists(Gen.ints(-100, 100), 0, 20))
        .check(list -> assertThat(reversed(reversed(list))).isEqualTo(list));
  }

  @PropertyTest(tries = 200)
  void reverse_keepsTheSize(@ForAll("words") List<String> words) {
    assertThat(reversed(words)).hasSameSizeAs(words);
  }

  Gen<List<String>> words() {
    return Gen.lists(Gen.strings(1, 5), 0, 10);
  }

  /** A stack must behave like a Deque used as a stack, whatever the calls. */
  static Stateful<Deque<Integer>, IntStack> stackMatchesModel(Supplier<IntStack> stacks) {
    return Stateful.<Deque<Integer>, IntStack>of(ArrayDeque::new, stacks)
        .action(
            "push",
            Gen.ints(0, 9),
            (model, stack, x) -> {
              stack.push(x);
              model.push(x);
            })
        .action(
            "pop",
            model -> !model.isEmpty(), // precondition: only when the model has something
            (model, stack) -> assertThat(stack.pop()).isEqualTo(model.pop()))
        .invariant("same size", (model, stack) -> assertThat(stack.size()).isEqualTo(model.size()));
  }

  @Test
  void stack_behavesLikeItsModel() {
    Statistics statistics = stackMatchesModel(ArrayStack::new).check();
    assertThat(statistics.actionCounts().get("pop")).isPositive(); // the interesting states ran
  }
  // README:proptest-quickstart:end

  // README:proptest-recursive:begin
  /** An expression: a number, a sum or a quotient. */
  sealed interface Expr permits Num, Sum, Quotient {}

  record Num(int value) implements Expr {
    @Override
    public String toString() {
      return Integer.toString(value);
    }
  }

  record Sum(Expr left, Expr right) implements Expr {
    @Override
    public String toString() {
      return "(" + left + " + " + right + ")";
    }
  }

  record Quotient(Expr left, Expr right) implements Expr {
    @Override
    public String toString() {
      return "(" + left + " / " + right + ")";
    }
  }

  /** Expressions up to 6 levels deep; each shrinks towards a number, or one of its subtrees. */
  static final Gen<Expr> EXPRESSIONS =
      Gen.recursive(
          Gen.ints().map(Num::new),
          self -> Gen.oneOf(Gen.zip(self, self, Sum::new), Gen.zip(self, self, Quotient::new)),
          6);

  static int evaluate(Expr e) {
    if (e instanceof Sum s) {
      return evaluate(s.left()) + evaluate(s.right());
    }
    if (e instanceof Quotient q) {
      return evaluate(q.left()) / evaluate(q.right());
    }
    return ((Num) e).value();
  }

  static boolean dividesByLiteralZero(Expr e) {
    if (e instanceof Sum s) {
      return dividesByLiteralZero(s.left()) || dividesByLiteralZero(s.right());
    }
    if (e instanceof Quotient q) {
      return q.right().equals(new Num(0))
          || dividesByLiteralZero(q.left())
          || dividesByLiteralZero(q.right());
    }
    return false;
  }

  /** Wrong: a divisor that is not the literal 0 can still be 0. */
  static Property<Property.Check1<Expr>> evaluatingNeverFails() {
    return Property.forAll(EXPRESSIONS).named("evaluatingNeverFails");
  }

  static void check(Expr e) {
    Assumptions.assumeFalse(dividesByLiteralZero(e));
    evaluate(e);
  }
  // README:proptest-recursive:end

  @Test
  void recursive_failsWithTheReportShownInTheReadme() throws IOException {
    PropertyFailure failure =
        catchThrowableOfType(
            PropertyFailure.class,
            () -> evaluatingNeverFails().seed(2026).check(ReadmeQuickstartTest::check));

    Files.writeString(Path.of("target", "readme-recursive-failure.txt"), failure.getMessage());
    assertThat(failure.counterexample())
        .containsExactly(new Quotient(new Num(0), new Sum(new Num(0), new Num(0))));
    assertThat(withoutTimes(readme()))
        .contains("```text\n" + withoutTimes(failure.getMessage()) + "\n```\n");
    assertThat(readme()).contains("```java\n" + region("proptest-recursive") + "```\n");
  }

  /** The text with shrink times, which differ from run to run, replaced by a mark. */
  static String withoutTimes(String text) {
    return text.replaceAll("runs, \\d+ ms", "runs, (time) ms");
  }

  @Test
  void brokenStack_failsWithTheReportShownInTheReadme() throws IOException {
    PropertyFailure failure =
        catchThrowableOfType(
            PropertyFailure.class, () -> stackMatchesModel(FullStack::new).seed(2026).check());

    // Written out so that the README can be updated when the engine's report changes on purpose.
    Files.writeString(Path.of("target", "readme-failure.txt"), failure.getMessage());
    assertThat(failure.minimal()).isEqualTo("1. push(0)\n2. push(0)\n3. push(0)\n4. push(0)");
    assertThat(withoutTimes(readme()))
        .contains("```text\n" + withoutTimes(failure.getMessage()) + "\n```\n");
  }

  @Test
  void readme_showsThisFilesQuickstart() throws IOException {
    assertThat(readme()).contains("```java\n" + region("proptest-quickstart") + "```\n");
  }

  private static String readme() throws IOException {
    return Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
  }

  /** The lines between the region's markers in this source file, without their common indent. */
  static String region(String name) {
    Path source = Path.of("src/test/java/dev/lifecycle/proptest/ReadmeQuickstartTest.java");
    try {
      String text = Files.readString(source, StandardCharsets.UTF_8);
      String begin = "// README:" + name + ":begin\n";
      int from = text.indexOf(begin) + begin.length();
      int to = text.lastIndexOf('\n', text.indexOf("// README:" + name + ":end"));
      return text.substring(from, to).stripIndent() + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source.toAbsolutePath(), e);
    }
  }
}
