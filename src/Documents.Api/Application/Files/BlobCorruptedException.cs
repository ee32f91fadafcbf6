namespace Documents.Api.Application.Files;

/// <summary>A stored file no longer matches its checksum (the disk changed it): the download is cut short as DATA_LOSS.</summary>
public sealed class BlobCorruptedException(Guid fileId, string expected, string actual)
    : Exception($"File {fileId} is damaged in storage: its content hashes to {actual}, not {expected}. The Secretariat must restore it from a backup.");
