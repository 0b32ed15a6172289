package dev.bootplan.engine.plan;

import java.util.ArrayList;
import java.util.List;

/** Finds cycles in a graph of indices (modules.dep, device parents, suppliers) and names them. */
public final class Cycles {

    private Cycles() {}

    /** Each cycle as the list of nodes on it, first node repeated at the end; every node is on at most one reported cycle. */
    public static List<List<Integer>> find(List<List<Integer>> edges) {
        int n = edges.size();
        int[] state = new int[n]; // 0 new, 1 on the stack, 2 done
        int[] nextEdge = new int[n];
        int[] stack = new int[n];
        List<List<Integer>> cycles = new ArrayList<>();
        for (int root = 0; root < n; root++) {
            if (state[root] != 0) {
                continue;
            }
            int depth = 0;
            stack[depth++] = root;
            state[root] = 1;
            while (depth > 0) {
                int node = stack[depth - 1];
                List<Integer> out = edges.get(node);
                if (nextEdge[node] < out.size()) {
                    int to = out.get(nextEdge[node]++);
                    if (state[to] == 0) {
                        state[to] = 1;
                        stack[depth++] = to;
                    } else if (state[to] == 1) {
                        List<Integer> cycle = new ArrayList<>();
                        int i = depth - 1;
                        while (stack[i] != to) {
                            i--;
                        }
                        for (; i < depth; i++) {
                            cycle.add(stack[i]);
                        }
                        cycle.add(to);
                        cycles.add(cycle);
                    }
                } else {
                    state[node] = 2;
                    depth--;
                }
            }
        }
        return cycles;
    }
}
