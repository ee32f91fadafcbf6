using System.Diagnostics;
using System.Globalization;
using MassTransit;
using Npgsql;
using Reporting.Api.Application.Caching;
using Reporting.Api.Application.Reports;
using Reporting.Api.Extensions;
using ReportingBench;
using ReviewMechanism.LocalServers;

// bench/reporting: see ../README.md. Usage: dotnet run -c Release -- [--smoke] [--out results.md]
var smoke = args.Contains("--smoke");
var output = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault();
var scale = smoke ? Scale.Smoke : Scale.Full;
var folder = Path.Combine(Path.GetTempPath(), $"reporting-bench-{Guid.NewGuid():N}");
var lines = new List<string>();
void Say(string line)
{
    Console.WriteLine(line);
    lines.Add(line);
}

Say($"# bench/reporting ({(smoke ? "smoke" : "full")} run, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
Say($"- machine: {Environment.ProcessorCount} cores; load average before: {Stats.LoadAverage()}");
var postgres = await PostgresServer.StartAsync(new ServerOptions(Path.Combine(folder, "pg")));
var redis = await RedisServer.StartAsync(new ServerOptions(Path.Combine(folder, "redis")));
var rabbit = await RabbitMqServer.StartAsync(new ServerOptions(Path.Combine(folder, "rmq")));
try
{
    await postgres.EnsureDatabaseAsync("reportingdb");
    var settings = new Dictionary<string, string?>
    {
        ["ConnectionStrings:reportingdb"] = postgres.GetConnectionString("reportingdb"),
        ["ConnectionStrings:redis"] = redis.ConnectionString,
        ["ConnectionStrings:messaging"] = rabbit.ConnectionString,
        ["Kestrel:Endpoints:http:Url"] = "http://127.0.0.1:0",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Messaging:PrefetchCount"] = "32",
    };

    var service = await ReportingApp.StartAsync(settings);
    var watch = Stopwatch.StartNew();
    var facts = await BulkLoader.LoadAsync(postgres.GetConnectionString("reportingdb"), scale);
    Say(string.Create(CultureInfo.InvariantCulture, $"- data set: {scale.Reviews} reviews ({scale.Parties} parties x {scale.Phases} phases), {scale.Documents:N0} documents, {facts:N0} facts in the read models (loaded by COPY in {watch.Elapsed.TotalSeconds:0.0} s)"));

    var today = DateOnly.FromDateTime(DateTime.UtcNow);
    var cold = new List<double>();
    for (var i = 0; i < scale.ColdCalls; i++)
    {
        await service.InScopeAsync(sp => sp.GetRequiredService<IReportCache>().InvalidateAsync());
        cold.Add(await Timed(() => service.InScopeAsync(sp => sp.GetRequiredService<ProgressReports>().GetAsync(today, null, full: true, CancellationToken.None))));
    }
    var warm = new List<double>();
    await service.InScopeAsync(sp => sp.GetRequiredService<ProgressReports>().GetAsync(today, null, full: true, CancellationToken.None));
    for (var i = 0; i < scale.WarmCalls; i++)
    {
        warm.Add(await Timed(() => service.InScopeAsync(sp => sp.GetRequiredService<ProgressReports>().GetAsync(today, null, full: true, CancellationToken.None))));
    }
    Say($"- cold report (cache moved on before each call; PostgreSQL reads + computation + Redis store): {Stats.Describe(cold)} (target <= 500 ms)");
    Say($"- warm report (from Redis): {Stats.Describe(warm)} (target <= 20 ms)");

    // Catch-up: the service is down while events pile up in its queues, then starts and applies them.
    await service.DisposeAsync();
    var publisher = await Publisher.StartAsync(rabbit.ConnectionString);
    watch.Restart();
    await Backlog.PublishAsync(publisher.Bus, scale.Backlog, scale.Parties);
    Say(string.Create(CultureInfo.InvariantCulture, $"- backlog: {scale.Backlog:N0} events published while the service was down ({watch.Elapsed.TotalSeconds:0.0} s)"));
    await publisher.DisposeAsync();
    var before = await InboxCountAsync(postgres.GetConnectionString("reportingdb"));
    watch.Restart();
    service = await ReportingApp.StartAsync(settings);
    var applied = 0L;
    TimeSpan? first = null;
    while (watch.Elapsed < TimeSpan.FromMinutes(smoke ? 5 : 60))
    {
        applied = await InboxCountAsync(postgres.GetConnectionString("reportingdb")) - before;
        first ??= applied > 0 ? watch.Elapsed : null;
        if (applied >= scale.Backlog)
        {
            break;
        }
        await Task.Delay(100);
    }
    var total = watch.Elapsed.TotalSeconds;
    var applying = Math.Max(0.001, total - (first ?? watch.Elapsed).TotalSeconds);
    Say(string.Create(CultureInfo.InvariantCulture,
        $"- catch-up: {applied:N0} of {scale.Backlog:N0} events applied {total:0.0} s after the service's start (first one after {first?.TotalSeconds ?? double.NaN:0.0} s): {applied / applying:0} events/s while applying (each in its own inbox transaction)"));
    await service.DisposeAsync();
    Say($"- load average after: {Stats.LoadAverage()}");
}
finally
{
    await rabbit.DisposeAsync();
    await redis.DisposeAsync();
    await postgres.DisposeAsync();
    try
    {
        Directory.Delete(folder, recursive: true);
    }
    catch (IOException)
    {
    }
}
if (output is not null)
{
    await File.WriteAllLinesAsync(output, lines);
}

static async Task<double> Timed(Func<Task> call)
{
    var watch = Stopwatch.StartNew();
    await call();
    return watch.Elapsed.TotalMilliseconds;
}

static async Task<long> InboxCountAsync(string connectionString)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand("SELECT count(*) FROM inbox_messages", connection);
    return (long)(await command.ExecuteScalarAsync())!;
}
