package dev.lifecycle.errorprone;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.type.TypeMirror;
import org.checkerframework.errorprone.dataflow.analysis.ConditionalTransferResult;
import org.checkerframework.errorprone.dataflow.analysis.ForwardTransferFunction;
import org.checkerframework.errorprone.dataflow.analysis.RegularTransferResult;
import org.checkerframework.errorprone.dataflow.analysis.TransferInput;
import org.checkerframework.errorprone.dataflow.analysis.TransferResult;
import org.checkerframework.errorprone.dataflow.cfg.UnderlyingAST;
import org.checkerframework.errorprone.dataflow.cfg.block.Block;
import org.checkerframework.errorprone.dataflow.cfg.block.ExceptionBlock;
import org.checkerframework.errorprone.dataflow.cfg.node.AbstractNodeVisitor;
import org.checkerframework.errorprone.dataflow.cfg.node.ArrayAccessNode;
import org.checkerframework.errorprone.dataflow.cfg.node.ArrayCreationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.AssignmentNode;
import org.checkerframework.errorprone.dataflow.cfg.node.BinaryOperationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.EqualToNode;
import org.checkerframework.errorprone.dataflow.cfg.node.FieldAccessNode;
import org.checkerframework.errorprone.dataflow.cfg.node.FunctionalInterfaceNode;
import org.checkerframework.errorprone.dataflow.cfg.node.LambdaResultExpressionNode;
import org.checkerframework.errorprone.dataflow.cfg.node.LocalVariableNode;
import org.checkerframework.errorprone.dataflow.cfg.node.MethodInvocationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;
import org.checkerframework.errorprone.dataflow.cfg.node.NotEqualNode;
import org.checkerframework.errorprone.dataflow.cfg.node.NullLiteralNode;
import org.checkerframework.errorprone.dataflow.cfg.node.ObjectCreationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.ReturnNode;
import org.checkerframework.errorprone.dataflow.cfg.node.TernaryExpressionNode;
import org.checkerframework.errorprone.dataflow.cfg.node.ThisNode;
import org.checkerframework.errorprone.dataflow.cfg.node.ThrowNode;
import org.checkerframework.errorprone.dataflow.cfg.node.TypeCastNode;
import org.jspecify.annotations.Nullable;

/**
 * The transfer function of {@link LeakAnalysis}: what each node of the control-flow graph does to
 * the open allocations and to the locals that hold them, on the normal and the exceptional edges.
 */
final class LeakTransfer
    extends AbstractNodeVisitor<TransferResult<Allocs, LeakStore>, TransferInput<Allocs, LeakStore>>
    implements ForwardTransferFunction<Allocs, LeakStore> {
  private final VisitorState state;
  private final Settings settings;
  private final String name;
  private final Set<Tree> tryResources = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
  /** The try-with-resources statement of each resource variable, for the line of its implicit close. */
  private final Map<Symbol, TryTree> tryOfResource = new HashMap<>();
  /** The class a constructor builds, or null when the analysed code is not a constructor. */
  private final Symbol.@Nullable ClassSymbol constructing;

  LeakTransfer(
      VisitorState state,
      Settings settings,
      Tree body,
      String name,
      Symbol.@Nullable MethodSymbol analysed) {
    this.state = state;
    this.settings = settings;
    this.name = name;
    this.constructing =
        analysed != null && analysed.isConstructor() ? analysed.enclClass() : null;
    new TreeScanner<@Nullable Void, @Nullable Void>() {
      @Override
      public @Nullable Void visitTry(TryTree tree, @Nullable Void unused) {
        tryResources.addAll(tree.getResources());
        for (Tree resource : tree.getResources()) {
          Symbol symbol =
              resource instanceof VariableTree v
                  ? ASTHelpers.getSymbol(v)
                  : resource instanceof ExpressionTree e ? ASTHelpers.getSymbol(e) : null;
          if (symbol != null) {
            tryOfResource.put(symbol, tree);
          }
        }
        return super.visitTry(tree, null);
      }
    }.scan(body, null);
  }

  @Override
  public LeakStore initialStore(
      UnderlyingAST underlyingAST, List<LocalVariableNode> parameters) {
    return LeakStore.EMPTY;
  }

  @Override
  public TransferResult<Allocs, LeakStore> visitNode(
      Node node, TransferInput<Allocs, LeakStore> input) {
    LeakStore store = input.getRegularStore();
    return result(node, Allocs.EMPTY, store, store);
  }

  @Override
  public TransferResult<Allocs, LeakStore> visitLocalVariable(
      LocalVariableNode node, TransferInput<Allocs, LeakStore> input) {
    LeakStore store = input.getRegularStore();
    Allocs held = store.heldBy(node.getElement());
    if (tryResources.contains(node.getTree())) {
      store = store.done(held); // try (existing) { ... } closes it on every path
    }
    return result(node, held, store, store);
  }

  @Override
  public TransferResult<Allocs, LeakStore> visitAssignment(
      AssignmentNode node, TransferInput<Allocs, LeakStore> input) {
    LeakStore store = input.getRegularStore();
    Allocs value = valueOf(input, node.getExpression());
    LeakStore after;
    if (node.getTarget() instanceof LocalVariableNode local) {
      after = store.assigned(local.getElement(), value);
      if (tryResources.contains(node.getTree())) {
        after = after.done(value); // try (T x = ...) closes x on every path
      }
    } else if (constructing != null
        && node.getTarget() instanceof FieldAccessNode field
        && isThis(field.getReceiver())) {
      // The object under construction holds it: its owner closes it, unless the constructor throws.
      after = store.storedInObject(value).assigned(field.getElement(), value);
    } else {
      after = store.done(value); // a field or an array element now holds it
    }
    return result(node, value, after, after);
  }

  /** In a constructor, a field it assigned holds what it was assigned. */
  @Override
  public TransferResult<Allocs, LeakStore> visitFieldAccess(
      FieldAccessNode node, TransferInput<Allocs, LeakStore> input) {
    LeakStore store = input.getRegularStore();
    Allocs value =
        constructing != null && isThis(node.getReceiver())
            ? store.heldBy(node.getElement())
            : Allocs.EMPTY;
    return result(node, value, store, store);
  }

  private static boolean isThis(Node receiver) {
    return receiver instanceof ThisNode;
  }

  @Override
  public TransferResult<Allocs, LeakStore> visitTypeCast(
      TypeCastNode node, TransferInput<Allocs, LeakStore> input) {
    LeakStore store = input.getRegularStore();
    return result(node, valueOf(input, node.getOperand()), store, store);
  }

  @Override
  public TransferResult<Allocs, LeakStore> visitTernaryExpression(
      TernaryExpressionNode node, TransferInput<Allocs, LeakStore> input) {
    LeakStore store = input.getRegularStore();
    Allocs value =
        valueOf(input, node.getThenOperand()).leastUpperBound(valueOf(input, node.getElseOperand()));
    return result(node, value, store, store);
  }

  @Override
  public TransferResult<Allocs, LeakStore> visitArrayCreation(
      ArrayCreationNode node, TransferInput<Allocs, LeakStore> input) {
    LeakStore store = input.getRegularStore();
    Allocs value = Allocs.EMPTY;
    for (Node element : node.getInitializers()) {
      value = value.leastUpperBound(valueOf(input, element));
    }
    return result(node, value, store, store);
  }

  /** An expression lambda's value is its result: returned. */
  @Override
  public TransferResult<Allocs, LeakStore> visitLambdaResultExpression(
      LambdaResultExpressionNode node, TransferInput<Allocs, LeakStore> input) {
    LeakStore after = input.getRegularStore().done(valueOf(input, node.getResult()));
    return result(node, Allocs.EMPTY, after, after);
  }

  /** An element of an array that holds resources may be any of them. */
  @Override
  public TransferResult<Allocs, LeakStore> visitArrayAccess(
      ArrayAccessNode node, TransferInput<Allocs, LeakStore> input) {
    LeakStore store = input.getRegularStore();
    return result(node, valueOf(input, node.getArray()), store, store);
  }

  @Override
  public TransferResult<Allocs, LeakStore> visitReturn(
      ReturnNode node, TransferInput<Allocs, LeakStore> input) {
    LeakStore store = input.getRegularStore();
    Node result = node.getResult();
    LeakStore after = result == null ? store : store.done(valueOf(input, result));
    after =
        after.because(
            new LeakStore.Why(
                position(node.getTree()),
                "when " + name + " returns on line " + line(node.getTree())));
    return result(node, Allocs.EMPTY, after, after);
  }

  @Override
  public TransferResult<Allocs, LeakStore> visitThrow(
      ThrowNode node, TransferInput<Allocs, LeakStore> input) {
    LeakStore store = input.getRegularStore();
    return result(node, Allocs.EMPTY, store, store);
  }

  @Override
  public TransferResult<Allocs, LeakStore> visitMemberReference(
      FunctionalInterfaceNode node, TransferInput<Allocs, LeakStore> input) {
    LeakStore after = captured(input.getRegularStore(), node.getTree());
    return result(node, Allocs.EMPTY, after, after);
  }

  @Override
  public TransferResult<Allocs, LeakStore> visitEqualTo(
      EqualToNode node, TransferInput<Allocs, LeakStore> input) {
    return nullCheck(node, input, true);
  }

  @Override
  public TransferResult<Allocs, LeakStore> visitNotEqual(
      NotEqualNode node, TransferInput<Allocs, LeakStore> input) {
    return nullCheck(node, input, false);
  }

  /** On the branch where {@code x == null}, nothing {@code x} held was ever created. */
  private TransferResult<Allocs, LeakStore> nullCheck(
      BinaryOperationNode node, TransferInput<Allocs, LeakStore> input, boolean equal) {
    LeakStore store = input.getRegularStore();
    Node left = node.getLeftOperand();
    Node right = node.getRightOperand();
    LocalVariableNode local = null;
    if (left instanceof LocalVariableNode l && right instanceof NullLiteralNode) {
      local = l;
    } else if (right instanceof LocalVariableNode r && left instanceof NullLiteralNode) {
      local = r;
    }
    if (local == null || store.unreachable) {
      return result(node, Allocs.EMPTY, store, store);
    }
    LeakStore isNull =
        store.done(store.heldBy(local.getElement())).assigned(local.getElement(), Allocs.EMPTY);
    return equal
        ? new ConditionalTransferResult<>(Allocs.EMPTY, isNull, store)
        : new ConditionalTransferResult<>(Allocs.EMPTY, store, isNull);
  }

  @Override
  public TransferResult<Allocs, LeakStore> visitObjectCreation(
      ObjectCreationNode node, TransferInput<Allocs, LeakStore> input) {
    LeakStore store = input.getRegularStore();
    if (store.unreachable) {
      return result(node, Allocs.EMPTY, store, store);
    }
    NewClassTree tree = node.getTree();
    Symbol.MethodSymbol constructor = ASTHelpers.getSymbol(tree);
    Type type = ASTHelpers.getType(tree);
    boolean anonymous = tree.getClassBody() != null;
    boolean resource =
        type != null
            && ResourceTypes.isResource(type, state, settings)
            && !ResourceTypes.isInMemory(type, constructor, state);
    LeakStore after = anonymous ? captured(store, tree.getClassBody()) : store;
    Set<Tree> wrapped = new HashSet<>();
    boolean wrapsBorrowed = false;
    List<Node> arguments = node.getArguments();
    for (int i = 0; i < arguments.size(); i++) {
      Node argument = arguments.get(i);
      Allocs value = valueOf(input, argument);
      if (Ownership.isBorrowedParameter(constructor, i, state)) {
        continue;
      }
      if (value.isEmpty()) {
        wrapsBorrowed |= resource && isCloseable(argument.getType());
      } else if (resource && !anonymous && !Ownership.isOwningParameter(constructor, i, state)) {
        wrapped.addAll(value.trees); // new BufferedReader(reader): closing the outer closes both
      } else if (anonymous
          || resource
          || Ownership.takesOwnership(constructor, i, state, settings)
          || keepsForRelease(constructor)) {
        after = after.done(value); // kept by the new object
      }
      // else: an object that cannot close it (not AutoCloseable, nothing that releases): the
      // caller still must
    }
    Allocs value;
    LeakStore onThrow = after;
    if (!resource) {
      value = Allocs.EMPTY;
    } else if (!wrapped.isEmpty()) {
      value = Allocs.of(wrapped);
    } else if (wrapsBorrowed) {
      value = Allocs.EMPTY; // a view of a resource somebody else closes
    } else {
      after = after.opened(tree);
      value = Allocs.of(Set.of(tree));
    }
    return result(node, value, after, onThrow);
  }

  @Override
  public TransferResult<Allocs, LeakStore> visitMethodInvocation(
      MethodInvocationNode node, TransferInput<Allocs, LeakStore> input) {
    LeakStore store = input.getRegularStore();
    if (store.unreachable) {
      return result(node, Allocs.EMPTY, store, store);
    }
    MethodInvocationTree tree = node.getTree();
    Node receiverNode = node.getTarget().getReceiver();
    if (tree == null) {
      // A call the graph builder made up (the iterator() and next() of an enhanced for): an
      // element of a container of resources may be any of them.
      Allocs receiver = valueOf(input, receiverNode);
      return result(node, receiver, store, store);
    }
    Symbol.MethodSymbol method = ASTHelpers.getSymbol(tree);
    Allocs receiver = method.isStatic() ? Allocs.EMPTY : valueOf(input, receiverNode);
    List<Node> arguments = node.getArguments();
    if (Ownership.isCloseLike(method, state)) {
      LeakStore after = store.done(receiver);
      if (constructing != null && isThis(receiverNode)) {
        after = after.doneStored(); // the constructor closes the object it builds
      }
      return result(node, Allocs.EMPTY, after, after);
    }
    if (Ownership.isStaticCloser(method)) {
      LeakStore after = store;
      for (Node argument : arguments) {
        after = after.done(valueOf(input, argument));
      }
      return result(node, Allocs.EMPTY, after, after);
    }
    if (constructing != null
        && isThis(receiverNode)
        && !method.isStatic()
        && Callees.RELEASING_NAMES.contains(method.getSimpleName().toString())) {
      LeakStore after = store.doneStored(); // cleanup() of the object under construction
      return result(node, Allocs.EMPTY, after, after);
    }
    if (method.isConstructor()) {
      return chainedConstructor(node, input, method);
    }
    LeakStore after = store;
    Set<Tree> wrapped = new HashSet<>();
    Set<Tree> handedBack = new HashSet<>();
    boolean wrapsBorrowed = false;
    Type result = ASTHelpers.getType(tree);
    boolean container = Ownership.isContainer(method, state);
    for (int i = 0; i < arguments.size(); i++) {
      Node argument = arguments.get(i);
      Allocs value = valueOf(input, argument);
      if (value.isEmpty()) {
        wrapsBorrowed |= isCloseable(argument.getType());
      } else if (!isCloseable(argument.getType()) && !container) {
        after = after.done(value); // a local container of resources, handed on with what it holds
      } else if (container && !method.isStatic() && receiverNode instanceof LocalVariableNode local) {
        after = after.alsoHeldBy(local.getElement(), value); // a local list: dropped with it
      } else if (container && method.isStatic() && result != null && !result.isPrimitiveOrVoid()) {
        handedBack.addAll(value.trees); // Optional.of(x), List.of(x): the result holds it
      } else if (Ownership.takesOwnership(method, i, state, settings)) {
        after = after.done(value);
      } else if (Ownership.returnsArgumentUnchanged(method)) {
        handedBack.addAll(value.trees);
      } else if (result != null
          && !result.isPrimitiveOrVoid()
          && Ownership.returnsArgumentIn(method, i, result, state, settings)) {
        handedBack.addAll(value.trees); // return init(createServerSocket()), wrap(st, rs)
      } else {
        wrapped.addAll(value.trees);
      }
    }
    if (container
        && !receiver.isEmpty()
        && arguments.stream().allMatch(a -> valueOf(input, a).isEmpty())
        && result != null
        && !result.isPrimitiveOrVoid()
        && !isCloseable(result)) {
      // list.iterator(), list.get(i), optional.get(): whoever reads the container's elements
      // closes them; only a container that is dropped unread leaks what it holds.
      after = after.done(receiver);
    }
    LeakStore onThrow = after;
    if (!receiver.isEmpty() && Ownership.closesReceiverOnFailure(method, state)) {
      onThrow = onThrow.done(receiver); // the JDK closes a socket whose connect fails
    } else if (!receiver.isEmpty() && opensLazily(method, receiver)) {
      onThrow = onThrow.done(receiver); // nothing was allocated before open() succeeded
    }
    Allocs value = Allocs.EMPTY;
    if (result == null || result.isPrimitiveOrVoid()) {
      value = Allocs.EMPTY;
    } else if (Ownership.isScopeMethod(method, "release", state)) {
      after = after.opened(tree); // the scope hands the resource back: the caller closes it
      value = Allocs.of(Set.of(tree));
    } else if (!handedBack.isEmpty()) {
      value = Allocs.of(handedBack);
    } else if (Ownership.isFactory(method, result, state, settings)) {
      if (Ownership.isDependentResult(method) && !receiver.isEmpty()) {
        value = receiver;
      } else if (!wrapped.isEmpty() && isCloseable(result)) {
        value = Allocs.of(wrapped);
      } else if (wrapsBorrowed) {
        value = Allocs.EMPTY;
      } else {
        after = after.opened(tree);
        value = Allocs.of(Set.of(tree));
      }
    } else if (!receiver.isEmpty()
        && (isCloseable(result)
            || container
            || method.owner.getQualifiedName().contentEquals("java.lang.Iterable"))) {
      value = receiver; // a view or a fluent result, or an element of a local container
    }
    return result(node, value, after, onThrow);
  }

  /**
   * {@code this(new FileOutputStream(f))} or {@code super(stream)} in a constructor: the object
   * under construction keeps the argument when its class can close it or the called constructor
   * takes it over; if this constructor throws later, nobody closes it.
   */
  private TransferResult<Allocs, LeakStore> chainedConstructor(
      MethodInvocationNode node, TransferInput<Allocs, LeakStore> input, Symbol.MethodSymbol method) {
    LeakStore after = input.getRegularStore();
    boolean closeable =
        constructing != null
            && (ResourceTypes.isAutoCloseable(constructing.type, state)
                || Callees.canRelease(constructing, state, settings));
    List<Node> arguments = node.getArguments();
    for (int i = 0; i < arguments.size(); i++) {
      Allocs value = valueOf(input, arguments.get(i));
      if (value.isEmpty() || Ownership.isBorrowedParameter(method, i, state)) {
        continue;
      }
      if (closeable || Ownership.takesOwnership(method, i, state, settings)) {
        after = after.storedInObject(value);
      }
    }
    return result(node, Allocs.EMPTY, after, after);
  }

  /**
   * {@code client.open()} or {@code connect(..)} of a project's own class created with no
   * arguments: such an object allocates nothing until the call succeeds, so its failure leaks
   * nothing.
   */
  private static boolean opensLazily(Symbol.MethodSymbol method, Allocs receiver) {
    String name = method.getSimpleName().toString();
    if (!(name.startsWith("open") || name.startsWith("connect"))
        || Ownership.isJdk(method.owner.getQualifiedName().toString())) {
      return false;
    }
    for (Tree allocation : receiver.trees) {
      if (!(allocation instanceof NewClassTree created) || !created.getArguments().isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /**
   * A constructor outside this compilation of a class that is not a resource but has a method
   * that releases what it holds ({@code stop()}, {@code shutdown()}, ...): it may keep the
   * argument for that method to close.
   */
  private boolean keepsForRelease(Symbol.MethodSymbol constructor) {
    Symbol.ClassSymbol owner = constructor.enclClass();
    return owner != null
        && Callees.of(constructor, state, settings) == null
        && Callees.canRelease(owner, state, settings);
  }

  /** Locals a lambda, method reference or anonymous class captures are handed over to it. */
  private LeakStore captured(LeakStore store, @Nullable Tree body) {
    if (body == null || store.holders.isEmpty()) {
      return store;
    }
    Set<Tree> escaped = new HashSet<>();
    new TreeScanner<@Nullable Void, @Nullable Void>() {
      @Override
      public @Nullable Void visitIdentifier(IdentifierTree tree, @Nullable Void unused) {
        Symbol symbol = ASTHelpers.getSymbol(tree);
        if (symbol != null) {
          Set<Tree> held = store.holders.get(symbol);
          if (held != null) {
            escaped.addAll(held);
          }
        }
        return null;
      }

    }.scan(body, null);
    return store.done(Allocs.of(escaped));
  }

  private boolean isCloseable(@Nullable TypeMirror type) {
    return type instanceof Type t
        && !t.isPrimitiveOrVoid()
        && (ResourceTypes.isAutoCloseable(t, state) || ResourceTypes.isResource(t, state, settings));
  }

  private static Allocs valueOf(TransferInput<Allocs, LeakStore> input, Node node) {
    if (node instanceof LocalVariableNode local) {
      return input.getRegularStore().heldBy(local.getElement());
    }
    if (node.isLValue()) {
      return Allocs.EMPTY;
    }
    Allocs value = input.getValueOfSubNode(node);
    return value == null ? Allocs.EMPTY : value;
  }

  /**
   * The result of {@code node}: {@code after} on the normal path, and on each exceptional edge
   * {@code onThrow} with the reason, or nothing for unchecked exceptions a call might throw.
   */
  @SuppressWarnings("ReferenceEquality") // CFG nodes are one object each; Node.equals is structural
  private TransferResult<Allocs, LeakStore> result(
      Node node, Allocs value, LeakStore after, LeakStore onThrow) {
    Block block = node.getBlock();
    if (!(block instanceof ExceptionBlock exceptionBlock) || exceptionBlock.getNode() != node) {
      return new RegularTransferResult<>(value, after);
    }
    Map<TypeMirror, LeakStore> exceptional = new HashMap<>();
    boolean explicitThrow = node instanceof ThrowNode;
    for (TypeMirror cause : exceptionBlock.getExceptionalSuccessors().keySet()) {
      if (onThrow.unreachable
          || (!explicitThrow && isUnchecked(cause))
          || declaredButNotThrown(node, cause)) {
        exceptional.put(cause, LeakStore.UNREACHABLE);
      } else {
        exceptional.put(cause, onThrow.because(why(node, cause)));
      }
    }
    return new RegularTransferResult<>(value, after, exceptional);
  }

  /**
   * JDK wrapper constructors that declare an exception they do not throw for the arguments given:
   * {@code new JarOutputStream(out)} (no manifest to write), and a charset name's {@code
   * UnsupportedEncodingException} of {@code new InputStreamReader(in, "UTF-8")} and the like.
   */
  private boolean declaredButNotThrown(Node node, TypeMirror cause) {
    if (!(node instanceof ObjectCreationNode creation)) {
      return false;
    }
    Type type = ASTHelpers.getType(creation.getTree());
    if (type == null || type.tsym == null) {
      return false;
    }
    String name = type.tsym.getQualifiedName().toString();
    if (name.equals("java.util.jar.JarOutputStream") && creation.getArguments().size() == 1) {
      return true;
    }
    return cause instanceof Type t
        && t.tsym.getQualifiedName().contentEquals("java.io.UnsupportedEncodingException")
        && name.startsWith("java.io.")
        && !creation.getArguments().isEmpty()
        && creation.getArguments().get(0).getType() instanceof Type first
        && ResourceTypes.isAutoCloseable(first, state)
        && creation.getArguments().stream()
            .skip(1)
            .allMatch(a -> a.getTree() instanceof com.sun.source.tree.LiteralTree);
  }

  private LeakStore.Why why(Node node, TypeMirror cause) {
    Tree tree = node.getTree();
    int position = tree == null ? Integer.MAX_VALUE - 1 : position(tree);
    String line = tree == null ? "" : " on line " + line(tree);
    String exception = simpleName(cause);
    if (node instanceof ThrowNode) {
      return new LeakStore.Why(position, "when the " + exception + " thrown" + line + " propagates");
    }
    if (node instanceof MethodInvocationNode invocation) {
      TryTree implicit = implicitClose(invocation);
      if (implicit != null) {
        return new LeakStore.Why(
            position(implicit),
            "when the implicit close() of the try-with-resources on line "
                + line(implicit)
                + " throws "
                + exception);
      }
      return new LeakStore.Why(
          position,
          "when `"
              + ASTHelpers.getSymbol(invocation.getTree()).getSimpleName()
              + "` throws "
              + exception
              + line);
    }
    if (node instanceof ObjectCreationNode creation) {
      return new LeakStore.Why(
          position,
          "when `new "
              + state.getSourceForNode(creation.getTree().getIdentifier())
              + "` throws "
              + exception
              + line);
    }
    return new LeakStore.Why(position, "when " + exception + " is thrown" + line);
  }

  /** The try-with-resources whose implicit {@code close()} {@code invocation} is, if it is one. */
  private @Nullable TryTree implicitClose(MethodInvocationNode invocation) {
    if (invocation.getTree() == null
        || !Ownership.isClose(ASTHelpers.getSymbol(invocation.getTree()))
        || !(invocation.getTarget().getReceiver() instanceof LocalVariableNode local)) {
      return null;
    }
    TryTree tryTree = tryOfResource.get((Symbol) local.getElement());
    if (tryTree == null) {
      return null;
    }
    // A close() written in the try body has a position inside the body; the implicit one has not.
    int at = position(invocation.getTree());
    return at >= ASTHelpers.getStartPosition(tryTree.getBlock())
            && at < state.getEndPosition(tryTree.getBlock())
        ? null
        : tryTree;
  }

  private static String simpleName(TypeMirror type) {
    return type instanceof Type t ? t.tsym.getSimpleName().toString() : type.toString();
  }

  private boolean isUnchecked(TypeMirror cause) {
    if (!(cause instanceof Type type)) {
      return false;
    }
    return ASTHelpers.isSubtype(type, state.getSymtab().runtimeExceptionType, state)
        || ASTHelpers.isSubtype(type, state.getSymtab().errorType, state);
  }

  private int position(Tree tree) {
    return ASTHelpers.getStartPosition(tree);
  }

  private long line(Tree tree) {
    return state.getPath().getCompilationUnit().getLineMap().getLineNumber(position(tree));
  }
}
