using Grpc.Core;
using ReviewMechanism.Events.V1;

namespace Documents.Tests.Support.Edge;

/// <summary>
/// One Documents service behind one gateway for the whole access table (started by the first row, with the
/// collection's PostgreSQL), and the people of the table: focal point, expert and observer of AUT (under review),
/// of DEU (reviewing AUT) and of FRA (outside the review), each nominated as Nominations' events would say, plus
/// the Secretariat and an NGO representative.
/// </summary>
public sealed class AccessPolicyStack : IAsyncLifetime
{
    private readonly SemaphoreSlim _start = new(1, 1);
    private DocumentsHarness? _h;
    private DocumentsBehindGateway? _edge;

    public DocumentsHarness H => _h ?? throw new InvalidOperationException("Not started.");

    public DocumentsBehindGateway Edge => _edge ?? throw new InvalidOperationException("Not started.");

    public async Task EnsureStartedAsync(PostgresFixture postgres)
    {
        await _start.WaitAsync();
        try
        {
            if (_edge is not null)
            {
                return;
            }
            _h = await DocumentsHarness.CreateAsync(postgres);
            foreach (var party in new[] { "AUT", "DEU", "FRA" })
            {
                var scope = party == "DEU" ? NominationScopeKind.AsReviewer : NominationScopeKind.OwnReview;
                await _h.NominateAsync(Subject("FocalPoint", party), party, NominationRole.FocalPoint, scope);
                await _h.NominateAsync(Subject("Expert", party), party, NominationRole.GovernmentalExpert, scope);
                await _h.NominateAsync(Subject("Observer", party), party, NominationRole.Observer, scope);
            }
            _edge = await DocumentsBehindGateway.StartAsync(_h);
        }
        finally
        {
            _start.Release();
        }
    }

    /// <summary>The headers a caller of the table sends: "Secretariat", "Ngo", "Anonymous" or "Role PARTY".</summary>
    public Metadata Headers(string caller) => caller switch
    {
        "Anonymous" => [],
        "Secretariat" => Edge.Issuer.Person("sec-1", "Secretariat"),
        "Ngo" => Edge.Issuer.Person("ngo-1", "NgoRepresentative"),
        _ => Edge.Issuer.Person(Subject(caller.Split(' ')[0], caller.Split(' ')[1]), TokenRole(caller.Split(' ')[0]), caller.Split(' ')[1]),
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_edge is not null)
        {
            await _edge.DisposeAsync();
        }
        if (_h is not null)
        {
            await _h.DisposeAsync();
        }
        _start.Dispose();
    }

    private static string Subject(string role, string party) => $"{role}-{party}".ToLowerInvariant();

    private static string TokenRole(string role) => role == "Expert" ? "GovernmentalExpert" : role;
}
