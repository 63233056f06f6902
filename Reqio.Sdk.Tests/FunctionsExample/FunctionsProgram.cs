using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Reqio.Sdk;

FunctionsApplicationBuilder builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
// REQIO_SECRET and REQIO_PROJECT_ID from the app settings (locally: the Values of local.settings.json).
builder.Services.AddSingleton(ReqioProject.FromSettings(name => builder.Configuration[name]));
builder.Build().Run();
