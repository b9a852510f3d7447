// The fastest this machine serves an HTTP request: Kestrel with one endpoint and no middleware,
// logging only warnings. bench/load.sh reports every KneeReset page as a fraction of it.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var app = builder.Build();
app.MapGet("/", () => "Hello, runner.");
app.Run();
