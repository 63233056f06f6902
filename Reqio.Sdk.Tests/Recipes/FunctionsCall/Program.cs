// Calls the function of a built isolated-worker function app without a Functions host, as the worker's ASP.NET Core
// integration would: the app's own Program runs until its host is built (as WebApplicationFactory does it, by
// listening for the "HostBuilt" event and stopping there), so the function class gets its services from the app's own
// registrations; then its [Function] method is called with an HttpRequest, once signed in and once anonymous, and its
// result executed into a response. Prints `RECIPE-CHECK signed-in|anonymous STATUS BASE64-BODY`.
// Usage: FunctionsCall <the function app's .dll> <user id>
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Security.Claims;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

if (args.Length != 2)
{
    Console.Error.WriteLine("Usage: FunctionsCall <function app .dll> <user id>");
    return 2;
}

string appPath = Path.GetFullPath(args[0]);
string user = args[1];
var resolver = new AssemblyDependencyResolver(appPath);
AssemblyLoadContext.Default.Resolving += (context, name) =>
    resolver.ResolveAssemblyToPath(name) is string path ? context.LoadFromAssemblyPath(path) : null;
Assembly app = AssemblyLoadContext.Default.LoadFromAssemblyPath(appPath);

IHost host = HostCapture.Build(app);
MethodInfo[] functions = app.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
    .Where(m => m.GetCustomAttributesData().Any(a => a.AttributeType.FullName == "Microsoft.Azure.Functions.Worker.FunctionAttribute"))
    .Where(m => m.GetParameters().Any(p => p.ParameterType == typeof(HttpRequest)))
    .ToArray();
if (functions.Length != 1)
{
    Console.Error.WriteLine($"The app should have one [Function] method taking an HttpRequest; it has {functions.Length}: {string.Join(", ", functions.Select(f => f.DeclaringType!.Name + "." + f.Name))}.");
    return 1;
}

MethodInfo function = functions[0];
// Signed in and anonymous as App Service calls the function with its Authentication on (WEBSITE_AUTH_ENABLED); then
// a caller forging the principal headers where it is off, which must not get a token.
foreach ((string name, string? caller, string? authenticationOn) in new[] { ("signed-in", user, "True"), ("anonymous", null, "True"), ("forged", user, null) })
{
    Environment.SetEnvironmentVariable("WEBSITE_AUTH_ENABLED", authenticationOn);
    (int status, byte[] body) = await Call(host.Services, function, caller);
    Console.WriteLine($"RECIPE-CHECK {name} {status} {Convert.ToBase64String(body)}");
}

return 0;

static async Task<(int Status, byte[] Body)> Call(IServiceProvider services, MethodInfo function, string? user)
{
    using IServiceScope scope = services.CreateScope();
    var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
    using var body = new MemoryStream();
    context.Response.Body = body;
    context.Request.Method = "GET";
    context.Request.Scheme = "https";
    context.Request.Host = new HostString("localhost");
    context.Request.Path = "/api/" + Route(function);
    if (user is not null)
    {
        // App Service Authentication passes the signed-in user in these headers; some apps read the principal instead.
        string email = user + "@example.com";
        context.Request.Headers["X-MS-CLIENT-PRINCIPAL-ID"] = user;
        context.Request.Headers["X-MS-CLIENT-PRINCIPAL-NAME"] = email;
        context.Request.Headers["X-MS-CLIENT-PRINCIPAL-IDP"] = "aad";
        var claims = new[] { (ClaimTypes.NameIdentifier, user), (ClaimTypes.Name, email), (ClaimTypes.Email, email) };
        context.Request.Headers["X-MS-CLIENT-PRINCIPAL"] = Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new
        {
            auth_typ = "aad",
            name_typ = ClaimTypes.Name,
            role_typ = ClaimTypes.Role,
            claims = claims.Select(c => new { typ = c.Item1, val = c.Item2 }),
        }));
        context.User = new ClaimsPrincipal(new ClaimsIdentity(claims.Select(c => new Claim(c.Item1, c.Item2)), "aad", ClaimTypes.Name, ClaimTypes.Role));
    }

    object? instance = function.IsStatic ? null : ActivatorUtilities.CreateInstance(scope.ServiceProvider, function.DeclaringType!);
    object?[] arguments = function.GetParameters().Select(p => Argument(p, context)).ToArray();
    object? result = function.Invoke(instance, arguments);
    result = await Awaited(result);
    switch (result)
    {
        case IActionResult action:
            // The host's container runs these results in the worker; here MVC's executors come from a container of their own.
            if (scope.ServiceProvider.GetService<IActionResultExecutor<ObjectResult>>() is null)
            {
                context.RequestServices = new ServiceCollection().AddLogging().AddMvcCore().Services.BuildServiceProvider();
            }

            await action.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
            break;
        case IResult http:
            if (scope.ServiceProvider.GetService<Microsoft.Extensions.Logging.ILoggerFactory>() is null)
            {
                context.RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider();
            }

            await http.ExecuteAsync(context);
            break;
        case null:
            break;   // it wrote the response itself
        default:
            throw new NotSupportedException($"{function.Name} returned a {result.GetType().FullName}; the check calls functions that return IActionResult or IResult (the ASP.NET Core integration).");
    }

    return (context.Response.StatusCode, body.ToArray());
}

static string Route(MethodInfo function)
{
    foreach (ParameterInfo parameter in function.GetParameters())
    {
        CustomAttributeData? trigger = parameter.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.Name == "HttpTriggerAttribute");
        CustomAttributeNamedArgument route = trigger?.NamedArguments.FirstOrDefault(a => a.MemberName == "Route") ?? default;
        if (route.TypedValue.Value is string value)
        {
            return value;
        }
    }

    return function.Name;
}

static object? Argument(ParameterInfo parameter, HttpContext context) =>
    parameter.ParameterType == typeof(HttpRequest) ? context.Request
    : parameter.ParameterType == typeof(HttpContext) ? context
    : parameter.ParameterType == typeof(CancellationToken) ? CancellationToken.None
    : parameter.HasDefaultValue ? parameter.DefaultValue
    : context.RequestServices.GetService(parameter.ParameterType)
      ?? throw new NotSupportedException($"The check cannot give {parameter.Member.Name}'s parameter {parameter.Name} ({parameter.ParameterType.FullName}); it gives HttpRequest, HttpContext, CancellationToken and services.");

static async Task<object?> Awaited(object? result)
{
    if (result is null)
    {
        return null;
    }

    Type type = result.GetType();
    if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueTask<>))
    {
        result = type.GetMethod("AsTask")!.Invoke(result, null);
    }
    else if (result is ValueTask valueTask)
    {
        await valueTask;
        return null;
    }

    if (result is Task task)
    {
        await task;
        PropertyInfo? value = task.GetType().GetProperty("Result");
        return value is not null && value.PropertyType.Name != "VoidTaskResult" ? value.GetValue(task) : null;
    }

    return result;
}

/// <summary>Runs the app's entry point until its host is built, and stops it there.</summary>
internal sealed class HostCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private IHost? _host;

    public static IHost Build(Assembly app)
    {
        MethodInfo entry = app.EntryPoint ?? throw new InvalidOperationException($"{app.GetName().Name} has no entry point (Program.cs).");
        var capture = new HostCapture();
        using (DiagnosticListener.AllListeners.Subscribe(capture))
        {
            try
            {
                object? returned = entry.Invoke(null, entry.GetParameters().Length == 0 ? null : [Array.Empty<string>()]);
                if (returned is Task task)
                {
                    task.GetAwaiter().GetResult();
                }
            }
            catch (Exception e) when (capture._host is not null && Unwrap(e) is Captured)
            {
                // Stopped where the host was built, before it ran.
            }
        }

        return capture._host ?? throw new InvalidOperationException($"{app.GetName().Name}'s Program ended without building a host.");
    }

    private static Exception Unwrap(Exception e) => e is TargetInvocationException { InnerException: Exception inner } ? Unwrap(inner) : e;

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "Microsoft.Extensions.Hosting")
        {
            value.Subscribe(this);
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == "HostBuilt" && value.Value is IHost host && _host is null)
        {
            _host = host;
            throw new Captured();
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    private sealed class Captured : Exception;
}
