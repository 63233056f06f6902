using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace Reqio.Sdk.Benchmarks.Harness;

/// <summary>
/// Every BenchmarkDotNet benchmark of an assembly, run once in this process: for each class and each value of its
/// <c>[Params]</c>, a fresh instance, its <c>[GlobalSetup]</c> (where the benchmarks verify their output), each
/// <c>[Benchmark]</c> method once, then its <c>[GlobalCleanup]</c>. Seconds instead of BenchmarkDotNet's minutes, for
/// a smoke run that proves every benchmark still runs and still checks what it times.
/// </summary>
internal static class BenchmarkDryRun
{
    /// <summary>Runs them all; returns how many benchmark calls it made. Throws on the first failure.</summary>
    public static int RunAll(Assembly assembly, Action<string> progress)
    {
        int calls = 0;
        foreach (Type type in assembly.GetTypes().Where(t => t.IsClass && !t.IsAbstract && Methods<BenchmarkAttribute>(t).Any()).OrderBy(t => t.Name))
        {
            foreach (Action<object> parameters in ParameterSets(type))
            {
                object instance = Activator.CreateInstance(type)!;
                parameters(instance);
                Invoke(instance, Methods<GlobalSetupAttribute>(type));
                foreach (MethodInfo benchmark in Methods<BenchmarkAttribute>(type))
                {
                    benchmark.Invoke(instance, null);
                    calls++;
                }

                Invoke(instance, Methods<GlobalCleanupAttribute>(type));
            }

            progress($"{type.Name}: every benchmark ran once");
        }

        return calls;
    }

    private static IEnumerable<MethodInfo> Methods<TAttribute>(Type type)
        where TAttribute : Attribute =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.GetCustomAttribute<TAttribute>() is not null);

    private static void Invoke(object instance, IEnumerable<MethodInfo> methods)
    {
        foreach (MethodInfo method in methods)
        {
            method.Invoke(instance, null);
        }
    }

    /// <summary>One setter a combination of the class's <c>[Params]</c> values (one that sets nothing when it has none).</summary>
    private static IEnumerable<Action<object>> ParameterSets(Type type)
    {
        IEnumerable<Action<object>> sets = [_ => { }];
        foreach (PropertyInfo property in type.GetProperties().Where(p => p.GetCustomAttribute<ParamsAttribute>() is not null))
        {
            object?[] values = property.GetCustomAttribute<ParamsAttribute>()!.Values;
            sets = [.. sets.SelectMany(set => values.Select(value => (Action<object>)(o =>
            {
                set(o);
                property.SetValue(o, value);
            })))];
        }

        return sets;
    }
}
