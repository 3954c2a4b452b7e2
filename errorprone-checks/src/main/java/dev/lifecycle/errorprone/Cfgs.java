package dev.lifecycle.errorprone;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.processing.JavacProcessingEnvironment;
import java.lang.ref.WeakReference;
import org.checkerframework.errorprone.dataflow.cfg.ControlFlowGraph;
import org.checkerframework.errorprone.dataflow.cfg.UnderlyingAST;
import org.checkerframework.errorprone.dataflow.cfg.builder.CFGBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Builds a method's control-flow graph once for the checks that analyse it: Error Prone runs every
 * method matcher on a method before moving on, so the last graph built on this thread is reused.
 */
final class Cfgs {
  private record Entry(Tree code, ControlFlowGraph cfg) {}

  private static final ThreadLocal<WeakReference<@Nullable Entry>> LAST =
      ThreadLocal.withInitial(() -> new WeakReference<>(null));

  private Cfgs() {}

  /** The graph of the method at {@code methodPath}, or null for a method without a body. */
  static @Nullable ControlFlowGraph of(TreePath methodPath, VisitorState state) {
    MethodTree method = (MethodTree) methodPath.getLeaf();
    ClassTree owner = ASTHelpers.findEnclosingNode(methodPath, ClassTree.class);
    if (method.getBody() == null || owner == null) {
      return null;
    }
    Entry last = LAST.get().get();
    if (last != null && last.code() == method) {
      return last.cfg();
    }
    ControlFlowGraph cfg =
        CFGBuilder.build(
            new TreePath(methodPath, method.getBody()),
            new UnderlyingAST.CFGMethod(method, owner),
            false,
            false,
            JavacProcessingEnvironment.instance(state.context));
    LAST.set(new WeakReference<>(new Entry(method, cfg)));
    return cfg;
  }

  /**
   * The graph of the lambda at {@code lambdaPath}, or null for a lambda outside a method (a field
   * initializer).
   */
  static @Nullable ControlFlowGraph ofLambda(TreePath lambdaPath, VisitorState state) {
    LambdaExpressionTree lambda = (LambdaExpressionTree) lambdaPath.getLeaf();
    MethodTree method = ASTHelpers.findEnclosingNode(lambdaPath, MethodTree.class);
    ClassTree owner = ASTHelpers.findEnclosingNode(lambdaPath, ClassTree.class);
    if (method == null || owner == null) {
      return null;
    }
    return CFGBuilder.build(
        new TreePath(lambdaPath, lambda.getBody()),
        new UnderlyingAST.CFGLambda(lambda, owner, method),
        false,
        false,
        JavacProcessingEnvironment.instance(state.context));
  }
}
