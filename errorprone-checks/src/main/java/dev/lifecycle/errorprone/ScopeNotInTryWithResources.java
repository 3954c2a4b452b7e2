package dev.lifecycle.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
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
import javax.inject.Inject;
import javax.lang.model.element.ElementKind;

/**
 * Flags {@code Scope.open(..)} whose result is not a try-with-resources resource. A scope owns
 * everything registered with it; closing it in a {@code finally} by hand is easy to get wrong on
 * one path, and a scope that is never closed leaks everything it owns. Also accepted: returning the
 * scope (a factory), storing it in a field (the class owns it; see {@code OwningFieldNotClosed}),
 * and handing it to an owner ({@code parent.own(Scope.open(..))}, an {@code @Owning} parameter). A
 * discarded scope is {@code DiscardedResource}'s to report, and a scope this check reports is not
 * reported again by {@code UnclosedResource}: one finding per scope.
 */
@BugPattern(
    summary = "Scope.open(..) outside try-with-resources",
    link = Docs.PAGES + "ScopeNotInTryWithResources.md",
    linkType = CUSTOM,
    severity = ERROR)
public final class ScopeNotInTryWithResources extends BugChecker
    implements BugChecker.MethodInvocationTreeMatcher {
  private static final long serialVersionUID = 1L;

  private static final String NAME = "ScopeNotInTryWithResources";

  private final transient Settings settings;

  /** Creates the check with no project-specific settings. */
  public ScopeNotInTryWithResources() {
    this(Settings.DEFAULT);
  }

  /**
   * Creates the check with the {@code -XepOpt:UnclosedResource:...} flags: a method named in {@code
   * OwningMethods} takes over a scope handed to it. {@code UnclosedResource} reports malformed
   * entries.
   */
  @Inject
  public ScopeNotInTryWithResources(ErrorProneFlags flags) {
    this(Settings.lenient(flags));
  }

  private ScopeNotInTryWithResources(Settings settings) {
    this.settings = settings;
  }

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    if (!isUnmanagedOpen(state.getPath(), state, settings)) {
      return Description.NO_MATCH;
    }
    Description.Builder description =
        buildDescription(tree)
            .setMessage(
                "`Scope.open(..)` outside try-with-resources: the scope and everything it owns stay"
                    + " open on any path that skips close(); write `try (Scope scope ="
                    + " Scope.open(..)) { ... }`, or return the scope, or hand it to an owner");
    TryWithResourcesFix.fix(state.getPath(), state).ifPresent(description::addFix);
    return description.build();
  }

  /**
   * Whether this check reports the allocation at {@code allocation}, so that {@code
   * UnclosedResource} need not report the same {@code Scope.open(..)} again: it does unless this
   * check is turned off.
   */
  static boolean reportsInstead(TreePath allocation, VisitorState state, Settings settings) {
    return Findings.isEnabled(NAME, state) && isUnmanagedOpen(allocation, state, settings);
  }

  private static boolean isUnmanagedOpen(TreePath path, VisitorState state, Settings settings) {
    if (!(path.getLeaf() instanceof MethodInvocationTree tree)) {
      return false;
    }
    Symbol.MethodSymbol method = ASTHelpers.getSymbol(tree);
    if (!method.isStatic() || !Ownership.isScopeMethod(method, "open", state)) {
      return false;
    }
    Tree child = tree;
    TreePath parent = path.getParentPath();
    while (parent != null
        && (parent.getLeaf() instanceof ParenthesizedTree
            || parent.getLeaf() instanceof TypeCastTree)) {
      child = parent.getLeaf();
      parent = parent.getParentPath();
    }
    return parent != null && !isManaged(child, parent, state, settings);
  }

  private static boolean isManaged(
      Tree child, TreePath parent, VisitorState state, Settings settings) {
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
      return index >= 0 && Ownership.takesOwnership(callee, index, state, settings);
    }
    if (leaf instanceof NewClassTree created) {
      Symbol.MethodSymbol constructor = ASTHelpers.getSymbol(created);
      int index = created.getArguments().indexOf(child);
      return index >= 0 && !Ownership.isBorrowedParameter(constructor, index, state);
    }
    return false;
  }
}
