"""Maximum-weight one-to-one assignment (Hungarian method), small and dependency-free."""

from __future__ import annotations

import math


def max_weight_assignment(weights: list[list[float]]) -> list[tuple[int, int]]:
    """Row/column pairs maximising the total weight; a weight of 0 or less means "not allowed".

    ``weights[i][j]`` is the value of pairing row i with column j. Returns only allowed pairs.
    """
    n = len(weights)
    m = len(weights[0]) if n else 0
    if not n or not m:
        return []
    transpose = n > m
    w = [list(col) for col in zip(*weights, strict=True)] if transpose else weights
    rows, cols = (m, n) if transpose else (n, m)
    cost = [[-max(x, 0.0) for x in row] for row in w]
    u, v = [0.0] * (rows + 1), [0.0] * (cols + 1)
    owner, way = [0] * (cols + 1), [0] * (cols + 1)
    for i in range(1, rows + 1):
        owner[0], j0 = i, 0
        minv, used = [math.inf] * (cols + 1), [False] * (cols + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = owner[j0], math.inf, 0
            for j in range(1, cols + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(cols + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    pairs = []
    for j in range(1, cols + 1):
        if owner[j]:
            r, c = owner[j] - 1, j - 1
            if w[r][c] > 0:
                pairs.append((c, r) if transpose else (r, c))
    return sorted(pairs)
