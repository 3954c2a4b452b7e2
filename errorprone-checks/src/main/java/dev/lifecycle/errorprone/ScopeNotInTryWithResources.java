package dev.lifecycle.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import javax.lang.model.element.ElementKind;

/**
 * Flags {@code Scope.open(..)} whose result is not a try-with-resources resource. A scope owns
 * everything registered with it; closing it in a {@code finally} by hand is easy to get wrong on
 * one path, and a scope that is never closed leaks everything it owns. Also accepted: returning
 * the scope (a factory), storing it in a field (the class owns it; see {@code
 * OwningFieldNotClosed}), and handing it to an owner ({@code parent.own(Scope.open(..))}, an
 * {@code @Owning} parameter). A discarded scope is {@code DiscardedResource}'s to report.
 */
@BugPattern(
    summary = "Scope.open(..) outside try-with-resources",
    link = "https://github.com/lifecycle-dev/lifecycle/blob/main/errorprone-checks/docs/ScopeNotInTryWithResources.md",
    linkType = CUSTOM,
    severity = ERROR)
public final class ScopeNotInTryWithResources extends BugChecker
    implements BugChecker.MethodInvocationTreeMatcher {
  private static final long serialVersionUID = 1L;

  /** Creates the check; Error Prone calls this through the service loader. */
  public ScopeNotInTryWithResources() {}

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    Symbol.MethodSymbol method = ASTHelpers.getSymbol(tree);
    if (!method.isStatic() || !Ownership.isScopeMethod(method, "open", state)) {
      return Description.NO_MATCH;
    }
    TreePath path = state.getPath();
    Tree child = tree;
    TreePath parent = path.getParentPath();
    while (parent != null
        && (parent.getLeaf() instanceof ParenthesizedTree
            || parent.getLeaf() instanceof TypeCastTree)) {
      child = parent.getLeaf();
      parent = parent.getParentPath();
    }
    if (parent == null || isManaged(child, parent, state)) {
      return Description.NO_MATCH;
    }
    Description.Builder description =
        buildDescription(tree)
            .setMessage(
                "`Scope.open(..)` outside try-with-resources: the scope and everything it owns stay"
                    + " open on any path that skips close(); write `try (Scope scope ="
                    + " Scope.open(..)) { ... }`, or return the scope, or hand it to an owner");
    UnclosedResource.TryWithResources.fix(path, state).ifPresent(description::addFix);
    return description.build();
  }

  private static boolean isManaged(Tree child, TreePath parent, VisitorState state) {
    Tree leaf = parent.getLeaf();
    if (leaf instanceof ExpressionStatementTree
        || leaf instanceof ReturnTree
        || leaf instanceof LambdaExpressionTree) {
      return true;
    }
    if (leaf instanceof VariableTree variable) {
      Symbol.VarSymbol symbol = ASTHelpers.getSymbol(variable);
      TreePath grandparent = parent.getParentPath();
      return symbol.getKind() == ElementKind.FIELD
          || (grandparent != null
              && grandparent.getLeaf() instanceof TryTree tryTree
              && tryTree.getResources().contains(variable));
    }
    if (leaf instanceof AssignmentTree assignment) {
      Symbol target = ASTHelpers.getSymbol(assignment.getVariable());
      return target != null && target.getKind() == ElementKind.FIELD;
    }
    if (leaf instanceof MethodInvocationTree call) {
      Symbol.MethodSymbol callee = ASTHelpers.getSymbol(call);
      int index = call.getArguments().indexOf(child);
      return index >= 0 && Ownership.takesOwnership(callee, index, state, Settings.DEFAULT);
    }
    if (leaf instanceof NewClassTree created) {
      Symbol.MethodSymbol constructor = ASTHelpers.getSymbol(created);
      int index = created.getArguments().indexOf(child);
      return index >= 0 && !Ownership.isBorrowedParameter(constructor, index, state);
    }
    return false;
  }
}
