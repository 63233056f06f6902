using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Reqio.Sdk.AspNetCore;

/// <summary>
/// Builds the project when the app's pipeline is built, before the first request: a visitor never meets a project
/// being built, nor settings that a reload changed between the start-up check and the first request.
/// </summary>
internal sealed class ReqioStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        _ = app.ApplicationServices.GetRequiredService<ReqioProjectSource>().Current;
        next(app);
    };
}
