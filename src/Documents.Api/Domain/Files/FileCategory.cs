namespace Documents.Api.Domain.Files;

public enum FileCategory
{
    Other = 0,
    Law = 1,
    Regulation = 2,
    Case = 3,
}
