package dev.lifecycle.errorprone;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.checkerframework.errorprone.dataflow.analysis.ForwardAnalysisImpl;
import org.checkerframework.errorprone.dataflow.analysis.TransferInput;
import org.checkerframework.errorprone.dataflow.cfg.ControlFlowGraph;
import org.checkerframework.errorprone.dataflow.cfg.block.Block;
import org.jspecify.annotations.Nullable;

/**
 * Forward dataflow over a method's control-flow graph: which resources created in the method may
 * still be open, and through which local variables. A resource stops being tracked when it is
 * closed, returned, stored in a field or array, captured by a lambda, or handed to a callee that
 * takes ownership. Whatever is still open at the regular or the exceptional exit leaked.
 *
 * <p>Exceptional edges count for checked exceptions and explicit {@code throw}s; unchecked
 * exceptions that any call might throw are ignored, as the Checker Framework's Resource Leak
 * Checker does, because otherwise every call between open and close would be a leak.
 */
final class LeakAnalysis {
  /** Where a resource was created and how it escapes unclosed. */
  record Leak(Tree allocation, String path) {}

  private LeakAnalysis() {}

  /**
   * Runs the analysis on the method or lambda at {@code path}; the leaks in source order.
   * Messages name the method, or say "the lambda".
   */
  static List<Leak> run(TreePath path, VisitorState state, Settings settings) {
    ControlFlowGraph cfg;
    Tree body;
    String name;
    Symbol.MethodSymbol analysed = null;
    if (path.getLeaf() instanceof MethodTree method) {
      cfg = Cfgs.of(path, state);
      body = method.getBody();
      analysed = ASTHelpers.getSymbol(method);
      name =
          analysed.isConstructor()
              ? "the constructor of `" + analysed.enclClass().getSimpleName() + "`"
              : "`" + method.getName() + "`";
    } else if (path.getLeaf() instanceof LambdaExpressionTree lambda) {
      cfg = Cfgs.ofLambda(path, state);
      body = lambda.getBody();
      name = "the lambda";
    } else {
      return List.of();
    }
    if (cfg == null || body == null) {
      return List.of();
    }
    LeakTransfer transfer = new LeakTransfer(state, settings, body, name, analysed);
    ForwardAnalysisImpl<Allocs, LeakStore, LeakTransfer> analysis =
        new ForwardAnalysisImpl<>(transfer);
    analysis.performAnalysis(cfg);
    Map<Tree, String> leaks = new LinkedHashMap<>();
    LeakStore regular = exitStore(analysis, cfg.getRegularExitBlock());
    if (regular != null) {
      regular.open.forEach(
          (tree, why) -> {
            if (!regular.stored.contains(tree)) { // the constructed object owns it
              leaks.put(
                  tree,
                  why.isNone()
                      ? "is not closed before " + name + " returns"
                      : "is not closed " + why.text());
            }
          });
    }
    LeakStore exceptional = exitStore(analysis, cfg.getExceptionalExitBlock());
    if (exceptional != null) {
      exceptional.open.forEach(
          (tree, why) ->
              leaks.putIfAbsent(
                  tree,
                  (exceptional.stored.contains(tree)
                          ? "is kept in a field of the object under construction, but is not"
                              + " closed "
                          : "is not closed ")
                      + (why.isNone() ? "when an exception leaves " + name : why.text())));
    }
    return leaks.entrySet().stream()
        .sorted(
            (a, b) ->
                Integer.compare(
                    ASTHelpers.getStartPosition(a.getKey()), ASTHelpers.getStartPosition(b.getKey())))
        .map(e -> new Leak(e.getKey(), e.getValue()))
        .toList();
  }

  /**
   * The store on entry to {@code exit}, or null when no path reaches it: a method that never
   * returns normally ({@code while (true)}, or one that always throws) has no regular exit store.
   */
  private static @Nullable LeakStore exitStore(
      ForwardAnalysisImpl<Allocs, LeakStore, LeakTransfer> analysis, Block exit) {
    TransferInput<Allocs, LeakStore> input = analysis.getInput(exit);
    return input == null ? null : input.getRegularStore();
  }
}
