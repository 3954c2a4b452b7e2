package dev.lifecycle.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import org.checkerframework.errorprone.dataflow.analysis.AbstractValue;
import org.checkerframework.errorprone.dataflow.analysis.ForwardAnalysisImpl;
import org.checkerframework.errorprone.dataflow.analysis.ForwardTransferFunction;
import org.checkerframework.errorprone.dataflow.analysis.RegularTransferResult;
import org.checkerframework.errorprone.dataflow.analysis.Store;
import org.checkerframework.errorprone.dataflow.analysis.TransferInput;
import org.checkerframework.errorprone.dataflow.analysis.TransferResult;
import org.checkerframework.errorprone.dataflow.cfg.ControlFlowGraph;
import org.checkerframework.errorprone.dataflow.cfg.UnderlyingAST;
import org.checkerframework.errorprone.dataflow.cfg.node.AbstractNodeVisitor;
import org.checkerframework.errorprone.dataflow.cfg.node.AssignmentNode;
import org.checkerframework.errorprone.dataflow.cfg.node.LocalVariableNode;
import org.checkerframework.errorprone.dataflow.cfg.node.MethodInvocationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;
import org.checkerframework.errorprone.dataflow.cfg.visualize.CFGVisualizer;
import org.checkerframework.errorprone.dataflow.expression.JavaExpression;
import org.jspecify.annotations.Nullable;

/**
 * Flags a local variable read after its resource was closed, moved to another scope with {@code
 * Scope.transfer}, or handed to an {@code @Owning} parameter, on every path to the read (a "must"
 * dataflow over the method's control-flow graph, so a use on only some paths is not flagged).
 *
 * <p>Not a use: closing again (close is idempotent), {@code isClosed()}/{@code isOpen()}, a
 * comparison with {@code null}, and assigning the variable a new value. After {@code close()},
 * only calls on the resource count, and not getters, {@code is...} queries or {@code Object}'s
 * methods ({@code buffer.toString()} after closing a writer is fine); in-memory types are not
 * tracked at all.
 */
@BugPattern(
    summary = "A resource is used after it was closed or its ownership was handed over",
    link = Docs.PAGES + "UseAfterTransfer.md",
    linkType = CUSTOM,
    severity = ERROR)
public final class UseAfterTransfer extends BugChecker implements BugChecker.MethodTreeMatcher {
  private static final long serialVersionUID = 1L;

  private static final String CLOSED = "closed";

  private static final Set<String> HARMLESS = Set.of("close", "isClosed", "isOpen");

  /** After close, only calls that do something count: state queries and Object's methods do not. */
  private static final Set<String> QUERIES = Set.of("toString", "hashCode", "equals", "getClass");

  /** Creates the check; Error Prone calls this through the service loader. */
  public UseAfterTransfer() {}

  @Override
  public Description matchMethod(MethodTree tree, VisitorState state) {
    if (tree.getBody() == null) {
      return Description.NO_MATCH;
    }
    Set<Tree> harmless = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<Tree> calls = Collections.newSetFromMap(new IdentityHashMap<>());
    try {
      if (!endsOwnership(tree, state, harmless, calls)) {
        return Description.NO_MATCH;
      }
      ControlFlowGraph cfg = Cfgs.of(state.getPath(), state);
      if (cfg == null) {
        return Description.NO_MATCH;
      }
      Transfer transfer = new Transfer(state);
      ForwardAnalysisImpl<Unit, Ended, Transfer> analysis = new ForwardAnalysisImpl<>(transfer);
      analysis.performAnalysis(cfg);
      Set<Element> reported = new HashSet<>();
      for (Node node : cfg.getAllNodes()) {
        if (!(node instanceof LocalVariableNode local)
            || node.isLValue()
            || !node.getInSource()
            || harmless.contains(node.getTree())
            || reported.contains(local.getElement())) {
          continue;
        }
        Ended before = storeBefore(analysis, node);
        String why = before == null ? null : before.ended.get(local.getElement());
        if (why != null && (!why.startsWith(CLOSED) || calls.contains(node.getTree()))) {
          reported.add(local.getElement());
          state.reportMatch(
              buildDescription(node.getTree())
                  .setMessage(
                      "`"
                          + local.getName()
                          + "` is used after it was "
                          + why
                          + "; whoever owns it now may close it at any time: use the value the new"
                          + " owner hands back, or move the use before the hand-over")
                  .build());
        }
      }
    } catch (RuntimeException | AssertionError e) {
      // Code the control-flow graph builder does not understand: stay silent, never crash javac.
      if (Boolean.getBoolean(UnclosedResource.DEBUG_PROPERTY)) {
        throw e;
      }
    }
    return Description.NO_MATCH;
  }

  // NullAway cannot see that performAnalysis(cfg) has set the analysis's own cfg field.
  @SuppressWarnings("NullAway")
  private static @Nullable Ended storeBefore(
      ForwardAnalysisImpl<Unit, Ended, Transfer> analysis, Node node) {
    return analysis.getResult().getStoreBefore(node);
  }

  /**
   * Whether the method closes or hands over a local at all (a cheap pre-scan), collecting the
   * reads that are never a use: closing again, {@code isClosed()}, comparisons with null.
   */
  private static boolean endsOwnership(
      MethodTree tree, VisitorState state, Set<Tree> harmless, Set<Tree> calls) {
    boolean[] ends = {false};
    new TreeScanner<@Nullable Void, @Nullable Void>() {
      @Override
      public @Nullable Void visitMethodInvocation(MethodInvocationTree call, @Nullable Void unused) {
        Symbol.MethodSymbol method = ASTHelpers.getSymbol(call);
        ExpressionTree receiver = ASTHelpers.getReceiver(call);
        String name = method.getSimpleName().toString();
        if (receiver instanceof IdentifierTree && HARMLESS.contains(name)) {
          harmless.add(receiver);
        } else if (receiver instanceof IdentifierTree
            && !QUERIES.contains(name)
            && !name.startsWith("get")
            && !name.startsWith("is")) {
          calls.add(receiver);
        }
        if (Ownership.isStaticCloser(method)) {
          harmless.addAll(call.getArguments());
        }
        ends[0] =
            ends[0]
                || Ownership.isClose(method)
                || Ownership.isScopeMethod(method, "transfer", state)
                || hasOwningParameter(method, state);
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public @Nullable Void visitBinary(BinaryTree binary, @Nullable Void unused) {
        if (binary.getKind() == Tree.Kind.EQUAL_TO || binary.getKind() == Tree.Kind.NOT_EQUAL_TO) {
          harmless.add(binary.getLeftOperand());
          harmless.add(binary.getRightOperand());
        }
        return super.visitBinary(binary, null);
      }

      @Override
      public @Nullable Void visitClass(ClassTree nested, @Nullable Void unused) {
        return null;
      }

      @Override
      public @Nullable Void visitLambdaExpression(LambdaExpressionTree lambda, @Nullable Void unused) {
        return null;
      }
    }.scan(tree.getBody(), null);
    return ends[0];
  }

  private static boolean hasOwningParameter(Symbol.MethodSymbol method, VisitorState state) {
    for (int i = 0; i < method.getParameters().size(); i++) {
      if (Ownership.isOwningParameter(method, i, state)) {
        return true;
      }
    }
    return false;
  }

  /** Node values are not needed: the store says which locals are done with. */
  static final class Unit implements AbstractValue<Unit> {
    static final Unit UNIT = new Unit();

    @Override
    public Unit leastUpperBound(Unit other) {
      return this;
    }
  }

  /** Locals whose resource is closed or handed over on every path here, with how. Immutable. */
  static final class Ended implements Store<Ended> {
    static final Ended NONE = new Ended(Map.of());
    final Map<Element, String> ended;

    Ended(Map<Element, String> ended) {
      this.ended = ended;
    }

    Ended with(Element local, @Nullable String why) {
      Map<Element, String> next = new HashMap<>(ended);
      if (why == null) {
        next.remove(local);
      } else {
        next.put(local, why);
      }
      return new Ended(next);
    }

    @Override
    public Ended copy() {
      return this;
    }

    @Override
    public Ended leastUpperBound(Ended other) {
      Map<Element, String> both = new HashMap<>();
      ended.forEach(
          (local, why) -> {
            String otherWhy = other.ended.get(local);
            if (otherWhy != null) {
              both.put(local, why.compareTo(otherWhy) <= 0 ? why : otherWhy);
            }
          });
      return new Ended(both);
    }

    @Override
    public Ended widenedUpperBound(Ended previous) {
      return leastUpperBound(previous);
    }

    @Override
    public boolean canAlias(JavaExpression a, JavaExpression b) {
      return true;
    }

    @Override
    public String visualize(CFGVisualizer<?, Ended, ?> visualizer) {
      return ended.toString();
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof Ended e && e.ended.equals(ended);
    }

    @Override
    public int hashCode() {
      return ended.hashCode();
    }
  }

  /** Closing, {@code Scope.transfer} and {@code @Owning} parameters end a local; assignment revives it. */
  static final class Transfer
      extends AbstractNodeVisitor<TransferResult<Unit, Ended>, TransferInput<Unit, Ended>>
      implements ForwardTransferFunction<Unit, Ended> {
    private final VisitorState state;

    Transfer(VisitorState state) {
      this.state = state;
    }

    @Override
    public Ended initialStore(UnderlyingAST underlyingAST, List<LocalVariableNode> parameters) {
      return Ended.NONE;
    }

    @Override
    public TransferResult<Unit, Ended> visitNode(Node node, TransferInput<Unit, Ended> input) {
      return new RegularTransferResult<>(Unit.UNIT, input.getRegularStore());
    }

    @Override
    public TransferResult<Unit, Ended> visitAssignment(
        AssignmentNode node, TransferInput<Unit, Ended> input) {
      Ended store = input.getRegularStore();
      if (node.getTarget() instanceof LocalVariableNode local) {
        store = store.with(local.getElement(), null);
      }
      return new RegularTransferResult<>(Unit.UNIT, store);
    }

    @Override
    public TransferResult<Unit, Ended> visitMethodInvocation(
        MethodInvocationNode node, TransferInput<Unit, Ended> input) {
      Ended store = input.getRegularStore();
      MethodInvocationTree tree = node.getTree();
      if (tree == null || !node.getInSource()) {
        return new RegularTransferResult<>(Unit.UNIT, store);
      }
      Symbol.MethodSymbol method = ASTHelpers.getSymbol(tree);
      long line = line(tree);
      if (Ownership.isClose(method)
          && node.getTarget().getReceiver() instanceof LocalVariableNode receiver
          && receiver.getType() instanceof com.sun.tools.javac.code.Type type
          && ResourceTypes.isResource(type, state)) {
        store = store.with(receiver.getElement(), CLOSED + " on line " + line);
      }
      List<Node> arguments = node.getArguments();
      for (int i = 0; i < arguments.size(); i++) {
        if (!(arguments.get(i) instanceof LocalVariableNode argument)) {
          continue;
        }
        if (i == 0 && Ownership.isScopeMethod(method, "transfer", state)) {
          store = store.with(argument.getElement(), "moved to another scope on line " + line);
        } else if (Ownership.isOwningParameter(method, i, state)) {
          store =
              store.with(
                  argument.getElement(),
                  "handed to the @Owning parameter of `" + method.getSimpleName() + "` on line " + line);
        }
      }
      return new RegularTransferResult<>(Unit.UNIT, store);
    }

    private long line(Tree tree) {
      return state
          .getPath()
          .getCompilationUnit()
          .getLineMap()
          .getLineNumber(ASTHelpers.getStartPosition(tree));
    }
  }
}
