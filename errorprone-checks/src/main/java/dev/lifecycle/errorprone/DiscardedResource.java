package dev.lifecycle.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;

/**
 * Flags an expression statement whose value is a resource: it was opened and thrown away, so
 * nobody can ever close it.
 *
 * <p>Not flagged: methods annotated {@code @CanIgnoreReturnValue}, fluent calls that return their
 * receiver's type ({@code writer.append(..)}), and generic calls that hand an argument back
 * ({@code scope.own(resource)}), because the resource is still owned by somebody. A discarded
 * {@code scope.release(resource)} is flagged: the scope handed the resource back to the caller,
 * who dropped it. lifecycle's {@code Scope}, {@code Lease}, {@code Permit} and {@code Session} are
 * resources by name.
 */
@BugPattern(
    summary = "A resource is created and thrown away without being closed",
    link = Docs.PAGES + "DiscardedResource.md",
    linkType = CUSTOM,
    severity = ERROR)
public final class DiscardedResource extends BugChecker
    implements BugChecker.ExpressionStatementTreeMatcher {
  private static final long serialVersionUID = 1L;

  private static final String NAME = "DiscardedResource";

  private static final String CAN_IGNORE =
      "com.google.errorprone.annotations.CanIgnoreReturnValue";

  /** Creates the check; Error Prone calls this through the service loader. */
  public DiscardedResource() {}

  @Override
  public Description matchExpressionStatement(ExpressionStatementTree tree, VisitorState state) {
    ExpressionTree expression = tree.getExpression();
    Type type = ASTHelpers.getType(expression);
    if (type == null) {
      return Description.NO_MATCH;
    }
    if (expression instanceof NewClassTree created) {
      return ResourceTypes.isResource(type, state)
          ? describe(tree, "new " + state.getSourceForNode(created.getIdentifier()))
          : Description.NO_MATCH;
    }
    if (!(expression instanceof MethodInvocationTree call)) {
      return Description.NO_MATCH;
    }
    Symbol.MethodSymbol method = ASTHelpers.getSymbol(call);
    if (!ResourceTypes.isResourceResult(method, type, state)
        || ASTHelpers.hasAnnotation(method, CAN_IGNORE, state)
        || (!method.isStatic() && returnsReceiver(call, type, state))
        || (returnsArgument(method) && !Ownership.isScopeMethod(method, "release", state))) {
      return Description.NO_MATCH;
    }
    return describe(tree, method.getSimpleName() + "(..)");
  }

  /**
   * Whether this check reports the resource created at {@code allocation}, a discarded expression
   * statement, so that {@code UnclosedResource} need not report it again: it does unless this
   * check is turned off.
   */
  static boolean reportsInstead(TreePath allocation, VisitorState state) {
    TreePath parent = allocation.getParentPath();
    return parent != null
        && parent.getLeaf() instanceof ExpressionStatementTree statement
        && Findings.isEnabled(NAME, state)
        && new DiscardedResource().matchExpressionStatement(statement, state) != Description.NO_MATCH;
  }

  private Description describe(ExpressionStatementTree tree, String what) {
    return buildDescription(tree)
        .setMessage(
            "the resource returned by `"
                + what
                + "` is discarded and can never be closed; close it with try-with-resources, or"
                + " hand it to an owner (Scope.own)")
        .build();
  }

  /** A fluent call ({@code writer.append(x)}) returns the receiver, which someone else owns. */
  private static boolean returnsReceiver(
      MethodInvocationTree call, Type result, VisitorState state) {
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    if (receiver == null) {
      return false;
    }
    Type receiverType = ASTHelpers.getType(receiver);
    return receiverType != null && ASTHelpers.isSubtype(receiverType, result, state);
  }

  /** {@code <T> T own(T resource)}: the argument comes back, and the callee now owns it. */
  private static boolean returnsArgument(Symbol.MethodSymbol method) {
    Type declared = method.getReturnType();
    if (!declared.hasTag(TypeTag.TYPEVAR)) {
      return false;
    }
    for (Symbol.VarSymbol parameter : method.getParameters()) {
      if (parameter.asType().tsym.equals(declared.tsym)) {
        return true;
      }
    }
    return false;
  }
}
