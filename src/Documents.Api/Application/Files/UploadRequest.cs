using Documents.Api.Domain.Files;

namespace Documents.Api.Application.Files;

/// <summary>What an upload declares before its bytes: where it goes, its name and category, its checksum and size.</summary>
public sealed record UploadRequest(Guid DocumentId, string FileName, FileCategory Category, string Sha256, long DeclaredSize);
