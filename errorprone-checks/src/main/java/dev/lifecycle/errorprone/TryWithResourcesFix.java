package dev.lifecycle.errorprone;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The suggested fix of the checks that report a resource held by a local: declare the local as a
 * try-with-resources resource and move the statements that use it into the try. Shared by {@code
 * UnclosedResource} and {@code ScopeNotInTryWithResources}.
 *
 * <p>The try ends at the local's last top-level {@code close()}, or at its last use; every {@code
 * local.close();} statement inside it is dropped, since the try closes the resource. A local
 * declared inside that a later statement reads is declared before the try and assigned inside it.
 * The moved lines are indented one level deeper, by the indent the block already uses. No fix is
 * offered when it could change what compiles: the local is assigned again, is not {@code
 * AutoCloseable}, is declared with {@code var} inside and read after, or shares a declaration.
 */
final class TryWithResourcesFix {
  private TryWithResourcesFix() {}

  /** A text edit inside the moved statements: {@code [start, end)} becomes {@code text}. */
  private record Edit(int start, int end, String text) {}

  /**
   * The fix for the resource created at {@code allocation}, when it initialises a local declared in
   * a block (directly, or wrapped: {@code new BufferedReader(new FileReader(f))}).
   */
  static Optional<SuggestedFix> fix(TreePath allocation, VisitorState state) {
    TreePath declarationPath = declarationOf(allocation);
    if (declarationPath == null
        || !(declarationPath.getLeaf() instanceof VariableTree declaration)
        || declarationPath.getParentPath() == null
        || !(declarationPath.getParentPath().getLeaf() instanceof BlockTree block)
        || state.getSourceCode() == null) {
      return Optional.empty();
    }
    Symbol.VarSymbol local = ASTHelpers.getSymbol(declaration);
    Type type = ASTHelpers.getType(declaration);
    MethodTree method = ASTHelpers.findEnclosingNode(declarationPath, MethodTree.class);
    if (type == null
        || !ResourceTypes.isAutoCloseable(type, state)
        || (method != null && assigns(method, local))) {
      return Optional.empty(); // a try-with-resources resource is final and AutoCloseable
    }
    List<? extends StatementTree> statements = block.getStatements();
    int at = statements.indexOf(declaration);
    int lastUse = at;
    int lastClose = -1;
    for (int i = at + 1; i < statements.size(); i++) {
      if (mentions(statements.get(i), Set.of(local))) {
        lastUse = i;
        if (isCloseOf(statements.get(i), local)) {
          lastClose = i;
        }
      }
    }
    if (lastUse == at) {
      return Optional.empty();
    }
    // The try ends at the last close, unless the local is read after it: then at its last use.
    int last = lastClose >= 0 && !usedAfter(statements, lastClose, local) ? lastClose : lastUse;
    String source = state.getSourceCode().toString();
    int start = ASTHelpers.getStartPosition(declaration);
    int end = state.getEndPosition(statements.get(last));
    int declarationEnd = state.getEndPosition(declaration);
    if (start < 0 || end <= start || declarationEnd <= start) {
      return Optional.empty();
    }
    String resource = source.substring(start, declarationEnd).strip();
    if (resource.endsWith(";")) {
      resource = resource.substring(0, resource.length() - 1);
    }

    List<Edit> edits = new ArrayList<>();
    StringBuilder hoisted = new StringBuilder();
    String indent = indentOf(source, start);
    if (indent == null) {
      return Optional.empty();
    }
    for (int i = at + 1; i <= last; i++) {
      StatementTree statement = statements.get(i);
      if (statement instanceof ClassTree inner
          && mentionsAfter(statements, last, Set.of(ASTHelpers.getSymbol(inner)))) {
        return Optional.empty();
      }
      if (!(statement instanceof VariableTree inner)
          || !mentionsAfter(statements, last, Set.of(ASTHelpers.getSymbol(inner)))) {
        continue;
      }
      String declared = hoist(inner, statements, i, source, state);
      if (declared == null) {
        return Optional.empty();
      }
      hoisted.append(declared).append('\n').append(indent);
      if (inner.getInitializer() == null) {
        edits.add(removal(source, ASTHelpers.getStartPosition(inner), state.getEndPosition(inner)));
      } else {
        edits.add(
            new Edit(
                ASTHelpers.getStartPosition(inner),
                ASTHelpers.getStartPosition(inner.getInitializer()),
                inner.getName() + " = "));
      }
    }
    for (ExpressionStatementTree close : closesIn(statements.subList(at + 1, last + 1), local)) {
      edits.add(removal(source, ASTHelpers.getStartPosition(close), state.getEndPosition(close)));
    }
    String body = applied(source, declarationEnd, end, edits);
    String unit = indentUnit(source, block, indent);
    String replacement =
        hoisted + "try (" + resource + ") {" + indented(body, unit) + "\n" + indent + "}";
    return Optional.of(SuggestedFix.builder().replace(start, end, replacement).build());
  }

  /** The declaration whose initializer is {@code allocation}, or a wrapper of it. */
  private static @Nullable TreePath declarationOf(TreePath allocation) {
    Tree child = allocation.getLeaf();
    TreePath parent = allocation.getParentPath();
    while (parent != null
        && (parent.getLeaf() instanceof ParenthesizedTree
            || parent.getLeaf() instanceof TypeCastTree
            || (parent.getLeaf() instanceof NewClassTree wrapper
                && wrapper.getArguments().contains(child)))) {
      child = parent.getLeaf();
      parent = parent.getParentPath();
    }
    return parent != null
            && parent.getLeaf() instanceof VariableTree declaration
            && declaration.getInitializer() == child
        ? parent
        : null;
  }

  /**
   * The declaration of {@code inner} without its initializer, to put before the try; null when it
   * cannot be split ({@code var}, several variables in one declaration).
   */
  private static @Nullable String hoist(
      VariableTree inner,
      List<? extends StatementTree> statements,
      int index,
      String source,
      VisitorState state) {
    int start = ASTHelpers.getStartPosition(inner);
    boolean shared =
        (index > 0 && ASTHelpers.getStartPosition(statements.get(index - 1)) == start)
            || (index + 1 < statements.size()
                && ASTHelpers.getStartPosition(statements.get(index + 1)) == start);
    if (shared || inner.getType() == null || ASTHelpers.hasImplicitType(inner, state)) {
      return null;
    }
    if (inner.getInitializer() == null) {
      return source.substring(start, state.getEndPosition(inner)).strip();
    }
    String head = source.substring(start, ASTHelpers.getStartPosition(inner.getInitializer()));
    int equals = head.lastIndexOf('=');
    return equals < 0 ? null : head.substring(0, equals).strip() + ";";
  }

  /** Removes a statement, with its line when it stands alone on it. */
  private static Edit removal(String source, int start, int end) {
    int lineStart = source.lastIndexOf('\n', start - 1);
    int lineEnd = source.indexOf('\n', end);
    if (lineStart >= 0
        && source.substring(lineStart + 1, start).isBlank()
        && (lineEnd < 0 || source.substring(end, lineEnd).isBlank())) {
      return new Edit(lineStart, lineEnd < 0 ? end : lineEnd, "");
    }
    return new Edit(start, end, "");
  }

  private static String applied(String source, int from, int to, List<Edit> edits) {
    StringBuilder out = new StringBuilder();
    int at = from;
    List<Edit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparingInt(Edit::start));
    for (Edit edit : sorted) {
      int start = Math.max(edit.start(), at);
      int end = Math.min(edit.end(), to);
      if (start > end) {
        continue;
      }
      out.append(source, at, start).append(edit.text());
      at = end;
    }
    return out.append(source, at, to).toString();
  }

  /** Every line after the first one level deeper; blank lines stay empty. */
  private static String indented(String body, String unit) {
    String[] lines = body.split("\n", -1);
    StringBuilder out = new StringBuilder(lines[0].stripTrailing());
    for (int i = 1; i < lines.length; i++) {
      out.append('\n');
      if (!lines[i].isBlank()) {
        out.append(unit).append(lines[i].stripTrailing());
      }
    }
    return out.toString();
  }

  /** The whitespace before {@code position} on its line, or null when code precedes it. */
  private static @Nullable String indentOf(String source, int position) {
    String before = source.substring(source.lastIndexOf('\n', position - 1) + 1, position);
    return before.isBlank() ? before : null;
  }

  /** One level of indentation: the block's statements' indent beyond its opening line's. */
  private static String indentUnit(String source, BlockTree block, String indent) {
    int open = ASTHelpers.getStartPosition(block);
    int lineStart = source.lastIndexOf('\n', open - 1) + 1;
    int i = lineStart;
    while (i < open && (source.charAt(i) == ' ' || source.charAt(i) == '\t')) {
      i++;
    }
    String outer = source.substring(lineStart, i);
    if (indent.startsWith(outer) && indent.length() > outer.length()) {
      return indent.substring(outer.length());
    }
    return indent.startsWith("\t") ? "\t" : "  ";
  }

  private static boolean usedAfter(
      List<? extends StatementTree> statements, int index, Symbol local) {
    return mentionsAfter(statements, index, Set.of(local));
  }

  private static boolean mentionsAfter(
      List<? extends StatementTree> statements, int index, Set<? extends Symbol> locals) {
    for (int i = index + 1; i < statements.size(); i++) {
      if (mentions(statements.get(i), locals)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isCloseOf(StatementTree statement, Symbol local) {
    return statement instanceof ExpressionStatementTree expression
        && expression.getExpression() instanceof MethodInvocationTree call
        && Ownership.isClose(ASTHelpers.getSymbol(call))
        && ASTHelpers.getReceiver(call) instanceof IdentifierTree receiver
        && local.equals(ASTHelpers.getSymbol(receiver));
  }

  /** {@code local.close();} statements directly in a block, outside lambdas and local classes. */
  private static List<ExpressionStatementTree> closesIn(
      List<? extends StatementTree> statements, Symbol local) {
    List<ExpressionStatementTree> closes = new ArrayList<>();
    TreeScanner<@Nullable Void, @Nullable Void> scanner =
        new TreeScanner<>() {
          @Override
          public @Nullable Void visitBlock(BlockTree block, @Nullable Void unused) {
            for (StatementTree statement : block.getStatements()) {
              if (isCloseOf(statement, local)) {
                closes.add((ExpressionStatementTree) statement);
              }
            }
            return super.visitBlock(block, null);
          }

          @Override
          public @Nullable Void visitClass(ClassTree tree, @Nullable Void unused) {
            return null;
          }

          @Override
          public @Nullable Void visitLambdaExpression(
              LambdaExpressionTree tree, @Nullable Void unused) {
            return null;
          }
        };
    for (StatementTree statement : statements) {
      if (isCloseOf(statement, local)) {
        closes.add((ExpressionStatementTree) statement);
      } else {
        scanner.scan(statement, null);
      }
    }
    return closes;
  }

  /** Whether {@code local} is assigned anywhere in {@code method} after its declaration. */
  private static boolean assigns(MethodTree method, Symbol local) {
    Set<Boolean> found = new HashSet<>();
    new TreeScanner<@Nullable Void, @Nullable Void>() {
      @Override
      public @Nullable Void visitAssignment(AssignmentTree tree, @Nullable Void unused) {
        if (local.equals(ASTHelpers.getSymbol(tree.getVariable()))) {
          found.add(true);
        }
        return super.visitAssignment(tree, null);
      }

      @Override
      public @Nullable Void visitCompoundAssignment(
          CompoundAssignmentTree tree, @Nullable Void unused) {
        if (local.equals(ASTHelpers.getSymbol(tree.getVariable()))) {
          found.add(true);
        }
        return super.visitCompoundAssignment(tree, null);
      }

      @Override
      public @Nullable Void visitUnary(UnaryTree tree, @Nullable Void unused) {
        if (local.equals(ASTHelpers.getSymbol(tree.getExpression()))) {
          found.add(true);
        }
        return super.visitUnary(tree, null);
      }
    }.scan(method, null);
    return !found.isEmpty();
  }

  private static boolean mentions(Tree tree, Set<? extends Symbol> locals) {
    Set<Boolean> found = new HashSet<>();
    new TreeScanner<@Nullable Void, @Nullable Void>() {
      @Override
      public @Nullable Void visitIdentifier(IdentifierTree identifier, @Nullable Void unused) {
        if (locals.contains(ASTHelpers.getSymbol(identifier))) {
          found.add(true);
        }
        return null;
      }
    }.scan(tree, null);
    return !found.isEmpty();
  }
}
