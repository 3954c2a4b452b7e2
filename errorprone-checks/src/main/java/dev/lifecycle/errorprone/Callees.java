package dev.lifecycle.errorprone;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import com.sun.tools.javac.processing.JavacProcessingEnvironment;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.tree.JCTree;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * What a method whose source is being compiled does with the resources it is given and what it
 * returns, read from its body: the per-method answer that method names cannot give. A summary is
 * a cheap scan of the body (no dataflow), computed once per method and compilation.
 */
final class Callees {
  /**
   * What a method's body does.
   *
   * @param owned parameters it closes, keeps in a field of an object that can release them, or
   *     hands to a callee that takes them over
   * @param returned parameters it returns, as they are or inside a new wrapper
   * @param returnsFresh whether it returns a resource it created and keeps no reference to
   * @param returnsKept whether it returns a field, {@code this} or a value it also stored in a field
   */
  record Summary(BitSet owned, BitSet returned, boolean returnsFresh, boolean returnsKept) {
    static final Summary NOTHING = new Summary(new BitSet(), new BitSet(), false, false);

    boolean owns(int index) {
      return owned.get(index);
    }

    boolean returns(int index) {
      return returned.get(index);
    }
  }

  /** Lifecycle methods that release what an object holds, besides {@code close()}. */
  static final Set<String> RELEASING_NAMES =
      Set.of(
          "close", "stop", "shutdown", "shutdownNow", "disconnect", "destroy", "dispose",
          "release", "terminate", "closeQuietly", "cleanup", "cleanUp", "abort");

  private static final int MAX_DEPTH = 3;
  private static final ThreadLocal<Map<Symbol.MethodSymbol, Summary>> CACHE =
      ThreadLocal.withInitial(WeakHashMap::new);
  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  private Callees() {}

  /** The summary of {@code method}, or null when its body is not part of this compilation. */
  static @Nullable Summary of(Symbol.MethodSymbol method, VisitorState state, Settings settings) {
    if (method.isAbstract() || isLibrary(method)) {
      return null;
    }
    Map<Symbol.MethodSymbol, Summary> cache = CACHE.get();
    Summary cached = cache.get(method);
    if (cached != null) {
      return cached;
    }
    Tree tree;
    try {
      tree = Trees.instance(JavacProcessingEnvironment.instance(state.context)).getTree(method);
    } catch (RuntimeException e) {
      return null; // no source for it in this compilation
    }
    if (!(tree instanceof JCTree.JCMethodDecl declaration)
        || declaration.sym == null
        || declaration.getBody() == null) {
      return null;
    }
    int[] depth = DEPTH.get();
    if (depth[0] >= MAX_DEPTH) {
      return Summary.NOTHING;
    }
    cache.put(method, Summary.NOTHING); // recursion sees nothing
    depth[0]++;
    try {
      Summary summary = summarize(declaration, state, settings);
      cache.put(method, summary);
      return summary;
    } finally {
      depth[0]--;
    }
  }

  /** Whether the class owning {@code method} can release what it keeps in its fields. */
  static boolean canRelease(Symbol.ClassSymbol owner, VisitorState state, Settings settings) {
    if (ResourceTypes.isAutoCloseable(owner.type, state)
        || ResourceTypes.isResource(owner.type, state, settings)
        || owner.getSimpleName().toString().endsWith("Builder")) {
      return true;
    }
    for (Type t : state.getTypes().closure(owner.type)) {
      for (Symbol member : t.tsym.members().getSymbols()) {
        if (member instanceof Symbol.MethodSymbol m
            && !m.isStatic()
            && RELEASING_NAMES.contains(m.getSimpleName().toString())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isLibrary(Symbol.MethodSymbol method) {
    String name = method.owner.getQualifiedName().toString();
    return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.");
  }

  private static Summary summarize(
      JCTree.JCMethodDecl declaration, VisitorState state, Settings settings) {
    Map<Symbol, Integer> params = new HashMap<>();
    List<JCTree.JCVariableDecl> parameters = declaration.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      Type type = parameters.get(i).sym.type;
      if (!type.isPrimitive()
          && (ResourceTypes.isAutoCloseable(type, state)
              || type.tsym.equals(state.getSymtab().objectType.tsym)
              || type.hasTag(com.sun.tools.javac.code.TypeTag.TYPEVAR))) {
        params.put(parameters.get(i).sym, i); // only what may hold a resource is followed
      }
    }
    Symbol.MethodSymbol self = declaration.sym;
    Symbol.ClassSymbol owner = self.enclClass();
    boolean releasing = owner != null && canRelease(owner, state, settings);
    boolean builderStyle =
        owner != null
            && !self.isStatic()
            && ASTHelpers.isSameType(self.getReturnType(), owner.type, state);
    BitSet owned = new BitSet();
    BitSet returned = new BitSet();
    Map<Symbol, BitSet> aliases = new HashMap<>();
    Set<Symbol> freshLocals = new HashSet<>();
    Set<Symbol> keptLocals = new HashSet<>();
    boolean[] fresh = new boolean[1];
    boolean[] kept = new boolean[1];
    new TreeScanner<@Nullable Void, @Nullable Void>() {
      int lambdas;

      // The parameters e may evaluate to, or a wrapper of.
      BitSet carried(@Nullable ExpressionTree e) {
        BitSet out = new BitSet();
        ExpressionTree x = strip(e);
        if (x instanceof IdentifierTree id) {
          Symbol symbol = ASTHelpers.getSymbol(id);
          Integer index = symbol == null ? null : params.get(symbol);
          if (index != null) {
            out.set(index);
          } else if (symbol != null && aliases.containsKey(symbol)) {
            out.or(aliases.get(symbol));
          }
        } else if (x instanceof NewClassTree created && created.getClassBody() == null) {
          for (ExpressionTree argument : created.getArguments()) {
            out.or(carried(argument));
          }
        } else if (x instanceof ConditionalExpressionTree conditional) {
          out.or(carried(conditional.getTrueExpression()));
          out.or(carried(conditional.getFalseExpression()));
        } else if (x instanceof MethodInvocationTree call) {
          Symbol.MethodSymbol callee = ASTHelpers.getSymbol(call);
          if (callee != null && !callee.equals(self)) {
            Summary summary = of(callee, state, settings);
            List<? extends ExpressionTree> arguments = call.getArguments();
            for (int i = 0; i < arguments.size(); i++) {
              if (summary != null ? summary.returns(i) : Ownership.returnsArgument(callee)) {
                out.or(carried(arguments.get(i)));
              }
            }
          }
        }
        return out;
      }

      boolean isFresh(@Nullable ExpressionTree e) {
        ExpressionTree x = strip(e);
        if (x instanceof IdentifierTree id) {
          Symbol symbol = ASTHelpers.getSymbol(id);
          return symbol != null && freshLocals.contains(symbol) && !keptLocals.contains(symbol);
        }
        Type type = x == null ? null : ASTHelpers.getType(x);
        if (type == null || type.isPrimitiveOrVoid()) {
          return false;
        }
        if (x instanceof NewClassTree created) {
          return created.getClassBody() == null
              && ResourceTypes.isResource(type, state, settings)
              && carried(x).isEmpty();
        }
        if (x instanceof MethodInvocationTree call) {
          Symbol.MethodSymbol callee = ASTHelpers.getSymbol(call);
          return callee != null
              && !callee.equals(self)
              && Ownership.isFactory(callee, type, state, settings)
              && carried(x).isEmpty();
        }
        return false;
      }

      boolean isKept(@Nullable ExpressionTree e) {
        ExpressionTree x = strip(e);
        if (x instanceof IdentifierTree id) {
          Symbol symbol = ASTHelpers.getSymbol(id);
          return symbol != null
              && (symbol.getKind() == ElementKind.FIELD
                  || id.getName().contentEquals("this")
                  || keptLocals.contains(symbol));
        }
        if (x instanceof MemberSelectTree select) {
          Symbol symbol = ASTHelpers.getSymbol(select);
          return symbol != null
              && (symbol.getKind() == ElementKind.FIELD
                  || select.getIdentifier().contentEquals("this"));
        }
        return false;
      }

      void note(Symbol local, @Nullable ExpressionTree value) {
        if (isKept(value)) {
          keptLocals.add(local); // s = this.bodyStream: returning s returns what the object owns
        }
        BitSet carried = carried(value);
        if (!carried.isEmpty()) {
          aliases.computeIfAbsent(local, k -> new BitSet()).or(carried);
        }
        if (isFresh(value)) {
          freshLocals.add(local);
        }
      }

      @Override
      public @Nullable Void visitVariable(VariableTree variable, @Nullable Void unused) {
        Symbol symbol = ASTHelpers.getSymbol(variable);
        if (symbol != null && variable.getInitializer() != null) {
          note(symbol, variable.getInitializer());
        }
        return super.visitVariable(variable, null);
      }

      @Override
      public @Nullable Void visitAssignment(AssignmentTree assignment, @Nullable Void unused) {
        Symbol target = ASTHelpers.getSymbol(assignment.getVariable());
        if (target != null && target.getKind() == ElementKind.FIELD) {
          BitSet carried = carried(assignment.getExpression());
          if (releasing || builderStyle) {
            owned.or(carried);
          }
          ExpressionTree value = strip(assignment.getExpression());
          if (value instanceof IdentifierTree id && ASTHelpers.getSymbol(id) != null) {
            keptLocals.add(ASTHelpers.getSymbol(id));
          }
        } else if (target != null) {
          note(target, assignment.getExpression());
        }
        return super.visitAssignment(assignment, null);
      }

      @Override
      public @Nullable Void visitMethodInvocation(
          MethodInvocationTree call, @Nullable Void unused) {
        Symbol.MethodSymbol callee = ASTHelpers.getSymbol(call);
        if (callee != null) {
          ExpressionTree receiver = ASTHelpers.getReceiver(call);
          if (receiver != null && Ownership.isCloseLike(callee, state)) {
            owned.or(carried(receiver));
          }
          List<? extends ExpressionTree> arguments = call.getArguments();
          for (int i = 0; i < arguments.size(); i++) {
            BitSet carried = carried(arguments.get(i));
            if (carried.isEmpty() || callee.equals(self)) {
              continue;
            }
            if (Ownership.isStaticCloser(callee)
                || Ownership.takesOwnership(callee, i, state, settings)) {
              owned.or(carried);
            }
          }
        }
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public @Nullable Void visitNewClass(NewClassTree created, @Nullable Void unused) {
        Symbol.MethodSymbol constructor = ASTHelpers.getSymbol(created);
        List<? extends ExpressionTree> arguments = created.getArguments();
        for (int i = 0; constructor != null && i < arguments.size(); i++) {
          BitSet carried = carried(arguments.get(i));
          if (!carried.isEmpty() && Ownership.isOwningParameter(constructor, i, state)) {
            owned.or(carried);
          }
        }
        return super.visitNewClass(created, null);
      }

      @Override
      public @Nullable Void visitTry(TryTree tree, @Nullable Void unused) {
        for (Tree resource : tree.getResources()) {
          if (resource instanceof VariableTree variable) {
            owned.or(carried(variable.getInitializer()));
          } else if (resource instanceof ExpressionTree expression) {
            owned.or(carried(expression));
          }
        }
        return super.visitTry(tree, null);
      }

      @Override
      public @Nullable Void visitLambdaExpression(
          LambdaExpressionTree lambda, @Nullable Void unused) {
        lambdas++;
        try {
          return super.visitLambdaExpression(lambda, null);
        } finally {
          lambdas--;
        }
      }

      @Override
      public @Nullable Void visitReturn(ReturnTree tree, @Nullable Void unused) {
        ExpressionTree value = tree.getExpression();
        if (value != null && lambdas == 0) {
          returned.or(carried(value));
          if (isKept(value)) {
            kept[0] = true;
          } else if (isFresh(value)) {
            fresh[0] = true;
          }
        }
        return super.visitReturn(tree, null);
      }

      @Override
      public @Nullable Void visitClass(ClassTree tree, @Nullable Void unused) {
        return null; // a local or anonymous class's returns are not this method's
      }
    }.scan(declaration.getBody(), null);
    // A fresh local returned is still this method's only if no field kept it.
    return new Summary(owned, returned, fresh[0] && !kept[0] && returned.isEmpty(), kept[0]);
  }

  static @Nullable ExpressionTree strip(@Nullable ExpressionTree e) {
    ExpressionTree x = e;
    while (x instanceof ParenthesizedTree || x instanceof TypeCastTree) {
      x = x instanceof ParenthesizedTree p ? p.getExpression() : ((TypeCastTree) x).getExpression();
    }
    return x;
  }
}
