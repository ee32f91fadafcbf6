using Documents.Api.Domain.Documents;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Documents.Tests.Domain;

public class DocumentWorkflowTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ADocumentGoesFromDraftedThroughClearanceToTransmitted()
    {
        var document = New();

        document.SubmitForClearance("expert", Now);
        document.Clear("fp", Now);
        document.Transmit("fp", Now);

        Assert.Equal(DocumentStatus.Transmitted, document.Status);
        Assert.Equal(1, document.TransmittedVersion);
        Assert.Equal([DocumentStatus.SubmittedForClearance, DocumentStatus.Cleared, DocumentStatus.Transmitted], document.Steps.Select(s => s.To));
    }

    [Fact]
    public void AReturnedDocumentIsEditedAgainAndItsCommentIsKept()
    {
        var document = New();
        document.SubmitForClearance("expert", Now);

        document.Return("fp", "Cite the 2019 amendment under article 5.", Now);
        var version = document.SaveDraft(DocumentContent.Empty with { Title = "v2" }, "expert", "added the amendment", Now, "x", 0);

        Assert.Equal(2, version.Number);
        Assert.Equal(DocumentStatus.Drafted, document.Status);
        Assert.Equal("Cite the 2019 amendment under article 5.", document.Steps.Single(s => s.To == DocumentStatus.Returned).Comment);
    }

    [Fact]
    public void NothingIsEditedWhileTheFocalPointHoldsItForClearance()
    {
        var document = New();
        document.SubmitForClearance("expert", Now);

        var error = Assert.Throws<DomainException>(() => document.SaveDraft(DocumentContent.Empty, "expert", "", Now, "x", 0));

        Assert.Equal(DomainErrorKind.FailedPrecondition, error.Kind);
        Assert.Equal("WORKFLOW_STATE", error.Code);
        Assert.Equal(1, document.LatestVersion);
    }

    [Fact]
    public void ADraftCannotBeTransmittedWithoutClearance()
    {
        var document = New();

        var error = Assert.Throws<DomainException>(() => document.Transmit("fp", Now));

        Assert.Contains("only a document cleared can be transmitted", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, document.TransmittedVersion);
    }

    [Fact]
    public void ReturningNeedsAComment()
    {
        var document = New();
        document.SubmitForClearance("expert", Now);

        var error = Assert.Throws<DomainException>(() => document.Return("fp", "  ", Now));

        Assert.Equal(DomainErrorKind.InvalidArgument, error.Kind);
        Assert.Equal(DocumentStatus.SubmittedForClearance, document.Status);
    }

    [Fact]
    public void AStaleRevisionIsAConflict()
    {
        var document = New();
        var read = document.Revision;
        document.SubmitForClearance("expert", Now);

        var error = Assert.Throws<DomainException>(() => document.CheckRevision(read));

        Assert.Equal(DomainErrorKind.Conflict, error.Kind);
    }

    [Fact]
    public void AfterTransmissionANewRoundOfDraftsKeepsTheTransmittedVersionForTheOthers()
    {
        var document = New();
        document.SubmitForClearance("e", Now);
        document.Clear("fp", Now);
        document.Transmit("fp", Now);

        document.SaveDraft(DocumentContent.Empty with { Title = "revised" }, "e", "", Now, "y", 0);

        Assert.Equal(DocumentStatus.Drafted, document.Status);
        Assert.Equal(2, document.LatestVersion);
        Assert.Equal(1, document.TransmittedVersion);
        Assert.Equal([1], document.TransmittedVersions);
    }

    [Fact]
    public void OnlyATransmittedQuestionnaireIsSharedOrPublished()
    {
        var document = New();

        Assert.Equal("NOT_TRANSMITTED", Assert.Throws<DomainException>(() => document.ShareWithOtherParties(true, Now)).Code);
        Assert.Equal("NOT_TRANSMITTED", Assert.Throws<DomainException>(() => document.Publish("fp", Now)).Code);
    }

    private static Document New() => Document.Start(
        new DocumentStart(Guid.NewGuid(), "", "AUT-C1", DocumentKind.SelfAssessmentQuestionnaire, "AUT", "AUT", 1, 1, "en", null, null),
        DocumentContent.Empty, "expert", Now, "x", 0).Document;
}
