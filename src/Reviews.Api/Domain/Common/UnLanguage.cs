namespace Reviews.Api.Domain.Common;

/// <summary>The six official languages of the United Nations, the working languages of the Mechanism.</summary>
public enum UnLanguage
{
    Arabic = 1,
    Chinese = 2,
    English = 3,
    French = 4,
    Russian = 5,
    Spanish = 6,
}
