using Documents.Tests.Support;
using Documents.Tests.Support.Edge;
using Google.Protobuf;
using Grpc.Core;
using ReviewMechanism.Documents.V1;

namespace Documents.Tests.Edge;

/// <summary>
/// The access policy as callers meet it: real access tokens through the real gateway to the real service, every
/// role x every action x own party (AUT, under review) / other party of the review (DEU, a reviewer) / a party not
/// in the review (FRA), on AUT's self-assessment questionnaire brought to the state each action needs (a fresh
/// review per row). A: allowed; N: NOT_FOUND (the caller may not know the document exists); D: PERMISSION_DENIED;
/// U: UNAUTHENTICATED (no token: the gateway refuses).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class AccessPolicyThroughGatewayTests(PostgresFixture postgres, AccessPolicyStack stack) : IClassFixture<AccessPolicyStack>, IAsyncLifetime
{
    private static readonly string[] Actions =
        ["create", "read draft", "read transmitted", "read shared (para 40)", "edit", "submit", "clear", "return", "transmit", "share (para 40)", "publish (para 41)", "upload file", "download file"];

    // One row per caller; one letter per action, in the order of Actions.
    private static readonly (string Caller, string Answers)[] Table =
    [
        ("Secretariat",     "D A A A D D D D D D D D A"),
        ("FocalPoint AUT",  "A A A A A A A A A A A A A"),
        ("Expert AUT",      "A A A A A A D D D D D A A"),
        ("Observer AUT",    "D A A A D D D D D D D D A"),
        ("FocalPoint DEU",  "D N A A N N N N N D D N A"),
        ("Expert DEU",      "D N A A N N N N N D D N A"),
        ("Observer DEU",    "D N A A N N N N N D D N A"),
        ("FocalPoint FRA",  "D N N A N N N N N N N N N"),
        ("Expert FRA",      "D N N A N N N N N N N N N"),
        ("Observer FRA",    "D N N N N N N N N N N N N"),
        ("Ngo",             "D D D D D D D D D D D D D"),
        ("Anonymous",       "U U U U U U U U U U U U U"),
    ];

    private static int _reviews;

    public static TheoryData<string, string, string> Cells()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (caller, answers) in Table)
        {
            var letters = answers.Split(' ');
            for (var i = 0; i < Actions.Length; i++)
            {
                data.Add(caller, Actions[i], letters[i]);
            }
        }
        return data;
    }

    public Task InitializeAsync() => stack.EnsureStartedAsync(postgres);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task EveryCallerGetsTheTablesAnswerForEveryActionThroughTheGateway(string caller, string action, string expected)
    {
        var status = await WithGatewayLogAsync(async () =>
        {
            var target = await PrepareAsync(action);
            return await TryAsync(() => ActAsync(action, target, stack.Headers(caller)));
        });

        Assert.Equal(Expected(expected), status);
    }

    [Fact]
    public async Task ATokenWithoutTheDocumentsScopeIsRefusedAtTheGateway()
    {
        var target = await PrepareAsync("read draft");
        var headers = stack.Edge.Issuer.Person("focalpoint-aut", "FocalPoint", "AUT", scope: "reviews");

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await Client.GetDocumentAsync(new GetDocumentRequest { DocumentId = target.Document }, headers));

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Contains("documents", refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePublicCountryProfilesAnswerWithoutSignInThroughTheGateway()
    {
        var profiles = await stack.Edge.Profiles.ListCountryProfilesAsync(new ListCountryProfilesRequest());
        using var pages = stack.Edge.Gateway.Pages();
        using var page = await pages.GetAsync(new Uri("/country-profiles", UriKind.Relative));

        Assert.NotNull(profiles);
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }

    private DocumentsService.DocumentsServiceClient Client => stack.Edge.Documents;

    private sealed record Target(string Review, string Document, long Revision, string File);

    /// <summary>A fresh review of AUT and, unless the action creates it, AUT's questionnaire in the state the action needs (by AUT's focal point).</summary>
    private async Task<Target> PrepareAsync(string action)
    {
        var review = $"AUT-T{Interlocked.Increment(ref _reviews)}";
        await stack.H.OpenReviewAsync(review, "AUT", "DEU", "BRA");
        if (action == "create")
        {
            return new Target(review, "", 0, "");
        }
        var fp = stack.Headers("FocalPoint AUT");
        var doc = await Client.CreateDocumentAsync(new CreateDocumentRequest
        {
            RequestId = Guid.NewGuid().ToString(), CountryReviewId = review, Kind = DocumentKind.SelfAssessmentQuestionnaire, Language = "en",
            Content = new DocumentContent { Title = "Self-assessment questionnaire of Austria" },
        }, fp);
        var file = "";
        if (action == "download file")
        {
            file = (await UploadAsync(doc.Id, fp)).Id;
            doc = await Client.SaveDraftAsync(new SaveDraftRequest { DocumentId = doc.Id, ExpectedRevision = doc.Revision, Content = new DocumentContent { Title = doc.Content.Title, FileIds = { file } } }, fp);
        }
        var steps = action switch
        {
            "clear" or "return" => 1,
            "transmit" => 2,
            "read transmitted" or "share (para 40)" or "publish (para 41)" or "download file" => 3,
            "read shared (para 40)" => 4,
            _ => 0,
        };
        if (steps >= 1)
        {
            doc = await Client.SubmitForClearanceAsync(new WorkflowRequest { DocumentId = doc.Id, ExpectedRevision = doc.Revision }, fp);
        }
        if (steps >= 2)
        {
            doc = await Client.ClearDocumentAsync(new WorkflowRequest { DocumentId = doc.Id, ExpectedRevision = doc.Revision }, fp);
        }
        if (steps >= 3)
        {
            doc = await Client.TransmitDocumentAsync(new WorkflowRequest { DocumentId = doc.Id, ExpectedRevision = doc.Revision }, fp);
        }
        if (steps >= 4)
        {
            doc = await Client.ShareWithOtherPartiesAsync(new ShareWithOtherPartiesRequest { DocumentId = doc.Id, Shared = true }, fp);
        }
        if (action == "publish (para 41)")
        {
            await stack.H.MoveReviewAsync(review, "COMPLETED");
        }
        return new Target(review, doc.Id, doc.Revision, file);
    }

    private async Task ActAsync(string action, Target t, Metadata headers)
    {
        var step = new WorkflowRequest { DocumentId = t.Document, ExpectedRevision = t.Revision };
        switch (action)
        {
            case "create":
                await Client.CreateDocumentAsync(new CreateDocumentRequest
                {
                    RequestId = Guid.NewGuid().ToString(), CountryReviewId = t.Review, Kind = DocumentKind.SelfAssessmentQuestionnaire, Language = "en",
                    Content = new DocumentContent { Title = "Self-assessment questionnaire" },
                }, headers);
                break;
            case "read draft" or "read transmitted" or "read shared (para 40)":
                var read = await Client.GetDocumentAsync(new GetDocumentRequest { DocumentId = t.Document }, headers);
                Assert.Equal(t.Document, read.Id);
                break;
            case "edit":
                await Client.SaveDraftAsync(new SaveDraftRequest { DocumentId = t.Document, ExpectedRevision = t.Revision, Content = new DocumentContent { Title = "Edited" } }, headers);
                break;
            case "submit":
                await Client.SubmitForClearanceAsync(step, headers);
                break;
            case "clear":
                await Client.ClearDocumentAsync(step, headers);
                break;
            case "return":
                await Client.ReturnDocumentAsync(new ReturnDocumentRequest { DocumentId = t.Document, ExpectedRevision = t.Revision, Comment = "Please cite the 2024 amendment." }, headers);
                break;
            case "transmit":
                await Client.TransmitDocumentAsync(step, headers);
                break;
            case "share (para 40)":
                await Client.ShareWithOtherPartiesAsync(new ShareWithOtherPartiesRequest { DocumentId = t.Document, Shared = true }, headers);
                break;
            case "publish (para 41)":
                await Client.PublishDocumentAsync(new PublishDocumentRequest { DocumentId = t.Document }, headers);
                break;
            case "upload file":
                await UploadAsync(t.Document, headers);
                break;
            case "download file":
                using (var download = Client.DownloadFile(new DownloadFileRequest { FileId = t.File }, headers))
                {
                    long bytes = 0;
                    await foreach (var part in download.ResponseStream.ReadAllAsync())
                    {
                        bytes += part.Chunk.Length;
                    }
                    Assert.Equal(SampleFile.Length, bytes);
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }

    private static readonly byte[] SampleFile = SampleFiles.Pdf(64 * 1024);

    private async Task<StoredFile> UploadAsync(string document, Metadata headers)
    {
        using var upload = Client.UploadFile(headers);
        try
        {
            await upload.RequestStream.WriteAsync(new UploadFileRequest { Metadata = new UploadFileMetadata { DocumentId = document, FileName = "Criminal Code.pdf", Category = FileCategory.Law, Sha256 = SampleFiles.Sha256(SampleFile) } });
            await upload.RequestStream.WriteAsync(new UploadFileRequest { Chunk = ByteString.CopyFrom(SampleFile) });
            await upload.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // Refused before the whole file was sent: the status comes with the response.
        }
        return await upload;
    }

    /// <summary>
    /// A call the gateway answers UNAVAILABLE fails the row with the gateway's last log lines (why it gave up on the
    /// service: YARP logs each forwarding error), which the row's status alone does not say.
    /// </summary>
    private async Task<StatusCode> WithGatewayLogAsync(Func<Task<StatusCode>> row)
    {
        try
        {
            var status = await row();
            return status == StatusCode.Unavailable ? throw new Xunit.Sdk.XunitException($"UNAVAILABLE through the gateway{GatewayLog()}") : status;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
        {
            throw new Xunit.Sdk.XunitException($"{e.Status.Detail}{GatewayLog()}", e);
        }
    }

    private string GatewayLog() => $"\nthe gateway's last log lines:\n{string.Join("\n", stack.Edge.Gateway.Logs.Lines.TakeLast(20))}";

    private static async Task<StatusCode> TryAsync(Func<Task> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    private static StatusCode Expected(string letter) => letter switch
    {
        "A" => StatusCode.OK,
        "N" => StatusCode.NotFound,
        "D" => StatusCode.PermissionDenied,
        "U" => StatusCode.Unauthenticated,
        _ => throw new ArgumentOutOfRangeException(nameof(letter), letter, null),
    };
}
