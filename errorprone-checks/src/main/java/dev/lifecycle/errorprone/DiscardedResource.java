package dev.lifecycle.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import javax.inject.Inject;

/**
 * Flags an expression statement whose value is a resource: it was opened and thrown away, so
 * nobody can ever close it.
 *
 * <p>A call is flagged only when the caller must close its result, by the same per-method rule as
 * {@code UnclosedResource} ({@link Ownership#isFactory}): a getter called for its effect ({@code
 * socket.getInputStream();}, {@code lease.value();}), a fluent call that returns its receiver
 * ({@code writer.append(..)}, {@code add();} on {@code this}, a self-typed {@code This bind(..)}),
 * a method that keeps what it returns in a field, and a generic call that hands an argument back
 * ({@code scope.own(resource)}) are not. A discarded {@code scope.release(resource)} is flagged:
 * the scope handed the resource back to the caller, who dropped it. A discarded {@code new
 * Wrapper(borrowed)} over a stream somebody else owns is not flagged; a discarded {@code new
 * FileInputStream(f)} is.
 */
@BugPattern(
    summary = "A resource is created and thrown away without being closed",
    link = Docs.PAGES + "DiscardedResource.md",
    linkType = CUSTOM,
    altNames = "resource",
    severity = ERROR)
public final class DiscardedResource extends BugChecker
    implements BugChecker.ExpressionStatementTreeMatcher {
  private static final long serialVersionUID = 1L;

  private static final String NAME = "DiscardedResource";

  private static final String CAN_IGNORE =
      "com.google.errorprone.annotations.CanIgnoreReturnValue";

  private final transient Settings settings;

  /** Creates the check with no project-specific settings. */
  public DiscardedResource() {
    this(Settings.DEFAULT);
  }

  /** Creates the check with the {@code -XepOpt:UnclosedResource:...} flags. */
  @Inject
  public DiscardedResource(ErrorProneFlags flags) {
    this(Settings.lenient(flags)); // UnclosedResource reports what is malformed
  }

  private DiscardedResource(Settings settings) {
    this.settings = settings;
  }

  @Override
  public Description matchExpressionStatement(ExpressionStatementTree tree, VisitorState state) {
    ExpressionTree expression = tree.getExpression();
    Type type = ASTHelpers.getType(expression);
    if (type == null) {
      return Description.NO_MATCH;
    }
    if (expression instanceof NewClassTree created) {
      return ResourceTypes.isResource(type, state, settings)
              && created.getClassBody() == null
              && !wrapsBorrowed(created, state)
          ? describe(tree, "new " + state.getSourceForNode(created.getIdentifier()))
          : Description.NO_MATCH;
    }
    if (!(expression instanceof MethodInvocationTree call)) {
      return Description.NO_MATCH;
    }
    Symbol.MethodSymbol method = ASTHelpers.getSymbol(call);
    if (Ownership.isScopeMethod(method, "release", state)) {
      return describe(tree, method.getSimpleName() + "(..)");
    }
    if (!ResourceTypes.isResourceResult(method, type, state)
        || ASTHelpers.hasAnnotation(method, CAN_IGNORE, state)
        || (!method.isStatic() && returnsReceiver(call, type, state))
        || returnsArgument(method)
        || !Ownership.isFactory(method, type, state, settings)) {
      return Description.NO_MATCH;
    }
    return describe(tree, method.getSimpleName() + "(..)");
  }

  /**
   * Whether this check reports the resource created at {@code allocation}, a discarded expression
   * statement, so that {@code UnclosedResource} need not report it again: it does unless this
   * check is turned off.
   */
  static boolean reportsInstead(TreePath allocation, VisitorState state, Settings settings) {
    TreePath parent = allocation.getParentPath();
    return parent != null
        && parent.getLeaf() instanceof ExpressionStatementTree statement
        && Findings.isEnabled(NAME, state)
        && new DiscardedResource(settings).matchExpressionStatement(statement, state) != Description.NO_MATCH;
  }

  /** {@code new BufferedReader(in)} over a stream that was not created here. */
  private boolean wrapsBorrowed(NewClassTree created, VisitorState state) {
    for (ExpressionTree argument : created.getArguments()) {
      Type type = ASTHelpers.getType(argument);
      ExpressionTree x = Callees.strip(argument);
      if (type != null
          && !type.isPrimitive()
          && ResourceTypes.isAutoCloseable(type, state)
          && !(x instanceof NewClassTree)
          && !(x instanceof MethodInvocationTree call
              && Ownership.isFactory(ASTHelpers.getSymbol(call), type, state, settings))) {
        return true;
      }
    }
    return false;
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

  /**
   * A fluent call ({@code writer.append(x)}, or {@code add()} on the implicit {@code this})
   * returns the receiver, which someone else owns.
   */
  private static boolean returnsReceiver(
      MethodInvocationTree call, Type result, VisitorState state) {
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    Type receiverType;
    if (receiver == null) {
      ClassTree enclosing = ASTHelpers.findEnclosingNode(state.getPath(), ClassTree.class);
      receiverType = enclosing == null ? null : ASTHelpers.getType(enclosing);
    } else {
      receiverType = ASTHelpers.getType(receiver);
    }
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
