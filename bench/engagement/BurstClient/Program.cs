using System.Globalization;
using System.Text.Json;
using Engagement.Bench;
using Grpc.Core;
using Grpc.Net.Client;
using ReviewMechanism.Engagement.V1;

// bench/engagement's client. Commands:
//   issuer   --issuer URL --folder DIR                  serve discovery + JWKS, write partner.token and secretariat.token
//   schedule --target URL --token-file F --seats N      schedule a dialogue with automatic approval; print its id
//   burst    --target URL --token-file F --dialogue ID --count N --concurrency C --key-prefix P [--acks FILE]
//            print the result as JSON (and the acknowledged application ids to FILE)
//   check    --target URL --token-file F --dialogue ID [--acks FILE]   the checks of BurstChecks.CheckAsync as JSON
//   withdraw-first --target URL --token-file F --dialogue ID          the first approved withdraws: the first waitlisted takes the seat
string Arg(string name, string? fallback = null) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback ?? throw new ArgumentException($"{name} is required");

var command = args.FirstOrDefault() ?? "";
if (command == "issuer")
{
    return await TokenIssuer.RunAsync(Arg("--issuer"), Arg("--folder"));
}
using var channel = GrpcChannel.ForAddress(Arg("--target"), new GrpcChannelOptions
{
    HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) },
    MaxReceiveMessageSize = 64 * 1024 * 1024,
});
var client = new EngagementService.EngagementServiceClient(channel);
var headers = new Metadata { { "authorization", "Bearer " + File.ReadAllText(Arg("--token-file")).Trim() } };
switch (command)
{
    case "schedule":
        var heldOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60);
        var dialogue = await client.ScheduleDialogueAsync(new ScheduleDialogueRequest
        {
            IdempotencyKey = Guid.NewGuid().ToString(),
            Topic = DialogueTopic.TraffickingInPersons,
            Session = "Working Group on Trafficking in Persons (bench)",
            Title = "Constructive dialogue on trafficking in persons (bench)",
            HeldOn = heldOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Venue = Venue.Vienna,
            InPersonCapacity = int.Parse(Arg("--seats"), CultureInfo.InvariantCulture),
            LastDayToApply = heldOn.AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            AutomaticApproval = true,
        }, headers);
        Console.WriteLine(dialogue.Id);
        return 0;
    case "burst":
        var burst = new ApplicationBurst(client, headers);
        var result = await burst.RunAsync(Arg("--dialogue"), Arg("--key-prefix"), int.Parse(Arg("--count"), CultureInfo.InvariantCulture),
            int.Parse(Arg("--concurrency"), CultureInfo.InvariantCulture));
        if (args.Contains("--acks"))
        {
            await File.WriteAllLinesAsync(Arg("--acks"), result.Acknowledged.Select(a => a.ApplicationId));
        }
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            acknowledged = result.Acknowledged.Count,
            seconds = result.Elapsed.TotalSeconds,
            per_second = result.PerSecond,
            p50_ms = result.Percentile(50).TotalMilliseconds,
            p90_ms = result.Percentile(90).TotalMilliseconds,
            p99_ms = result.Percentile(99).TotalMilliseconds,
            max_ms = result.Percentile(100).TotalMilliseconds,
            retries = result.Retries,
            failures = result.Failures.ToDictionary(f => f.Key.ToString(), f => f.Value),
            distinct_ids = result.Acknowledged.Select(a => a.ApplicationId).Distinct().Count(),
        }));
        return 0;
    case "check":
        var acks = args.Contains("--acks") ? File.ReadAllLines(Arg("--acks")).Where(l => l.Length > 0).ToList() : [];
        Console.WriteLine(JsonSerializer.Serialize(await new BurstChecks(client, headers).CheckAsync(Arg("--dialogue"), acks)));
        return 0;
    case "withdraw-first":
        Console.WriteLine(JsonSerializer.Serialize(await new BurstChecks(client, headers).WithdrawalPromotesAsync(Arg("--dialogue"))));
        return 0;
    default:
        Console.Error.WriteLine("usage: BurstClient issuer|schedule|burst|check ...");
        return 2;
}
