package dev.minrole.engine;

import dev.minrole.generator.diff.CurrentPolicy;
import dev.minrole.generator.diff.FunctionDiff;
import dev.minrole.generator.diff.PolicySize;
import dev.minrole.generator.diff.Tightened;
import dev.minrole.generator.synth.FunctionPolicy;

/**
 * One function's current policy cut down to what it needs: the needed policy, the current policy it
 * was cut from, the tightened result, the diff that explains it, and the size of the current policy
 * ({@code before}) and of the result ({@code after}).
 */
public record TightenedFunction(
    FunctionPolicy needed,
    CurrentPolicy current,
    Tightened tightened,
    FunctionDiff diff,
    PolicySize before,
    PolicySize after) {}
