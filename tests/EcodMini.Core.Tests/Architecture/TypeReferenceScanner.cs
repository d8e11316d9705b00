using System.Reflection;
using System.Reflection.Emit;

namespace EcodMini.Core.Tests.Architecture;

/// <summary>
/// Every type a compiled type refers to: its base type, interfaces, generic arguments, fields, properties, method
/// signatures, local variables, and each type, method or field token in its method bodies' IL (decoded opcode by opcode).
/// Nested and compiler-generated types (lambdas, iterators, async state machines) are scanned as types of their own.
/// </summary>
internal static class TypeReferenceScanner
{
    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    public static IEnumerable<(string Where, Type Referenced)> References(Type type)
    {
        foreach (var t in Expand(type.BaseType)) yield return ("base type", t);
        foreach (var i in type.GetInterfaces()) foreach (var t in Expand(i)) yield return ("interface", t);
        foreach (var a in type.GetCustomAttributesData()) yield return ("attribute", a.AttributeType);
        foreach (var f in type.GetFields(All)) foreach (var t in Expand(f.FieldType)) yield return ($"field {f.Name}", t);
        foreach (var p in type.GetProperties(All)) foreach (var t in Expand(p.PropertyType)) yield return ($"property {p.Name}", t);
        foreach (var m in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            if (m is MethodInfo mi) foreach (var t in Expand(mi.ReturnType)) yield return ($"{m.Name} return", t);
            foreach (var p in m.GetParameters()) foreach (var t in Expand(p.ParameterType)) yield return ($"{m.Name} parameter", t);
            var body = m.GetMethodBody();
            if (body is null) continue;
            foreach (var local in body.LocalVariables) foreach (var t in Expand(local.LocalType)) yield return ($"{m.Name} local", t);
            foreach (var t in IlReferences(m, body.GetILAsByteArray() ?? [])) yield return ($"{m.Name} body", t);
        }
    }

    private static IEnumerable<Type> IlReferences(MethodBase method, byte[] il)
    {
        var module = method.Module;
        var typeArgs = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var i = 0;
        while (i < il.Length)
        {
            short value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            var op = OpCodesByValue[value];
            switch (op.OperandType)
            {
                case OperandType.InlineType:
                case OperandType.InlineTok:
                case OperandType.InlineMethod:
                case OperandType.InlineField:
                    var member = module.ResolveMember(BitConverter.ToInt32(il, i), typeArgs, methodArgs);
                    if (member is Type t) foreach (var x in Expand(t)) yield return x;
                    else if (member is MethodBase mb)
                    {
                        foreach (var x in Expand(mb.DeclaringType)) yield return x;
                        if (mb is MethodInfo { IsGenericMethod: true } g) foreach (var a in g.GetGenericArguments()) foreach (var x in Expand(a)) yield return x;
                    }
                    else if (member is FieldInfo fi) { foreach (var x in Expand(fi.DeclaringType)) yield return x; foreach (var x in Expand(fi.FieldType)) yield return x; }
                    i += 4;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + 4 * BitConverter.ToInt32(il, i);
                    break;
                default:
                    i += OperandSize(op.OperandType);
                    break;
            }
        }
    }

    private static int OperandSize(OperandType type) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };

    /// <summary>The type with its element type and generic arguments, recursively.</summary>
    private static IEnumerable<Type> Expand(Type? type)
    {
        if (type is null || type.IsGenericParameter) yield break;
        if (type.HasElementType) { foreach (var t in Expand(type.GetElementType())) yield return t; yield break; }
        yield return type;
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
            foreach (var a in type.GetGenericArguments()) foreach (var t in Expand(a)) yield return t;
    }
}
