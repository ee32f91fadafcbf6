namespace Documents.Api.Domain.Documents;

/// <summary>drafted -> submitted for clearance -> cleared (or returned, then drafted again) -> transmitted.</summary>
public enum DocumentStatus
{
    Drafted = 1,
    SubmittedForClearance = 2,
    Returned = 3,
    Cleared = 4,
    Transmitted = 5,
}
