using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Reqio.Sdk;

// snippet: functions-program
FunctionsApplicationBuilder builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddSingleton(ReqioOptions.FromEnvironment(name => builder.Configuration[name]));   // app settings
builder.Build().Run();
// end snippet
