namespace Engagement.Api.Domain.Applications;

public enum Attendance
{
    NotRecorded = 1,
    AttendedInPerson = 2,
    AttendedOnline = 3,
    Absent = 4,
}
