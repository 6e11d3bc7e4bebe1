namespace Receta.Web.Features.Work;

public static class WorkEndpoints
{
    public static void MapWork(this RouteGroupBuilder goal)
    {
        ArgumentNullException.ThrowIfNull(goal);
        LogWork.Map(goal);
        ListWork.Map(goal);
        DeleteWork.Map(goal);
        AddHabit.Map(goal);
        UpdateHabit.Map(goal);
        DeleteHabit.Map(goal);
        CheckHabit.Map(goal);
        UncheckHabit.Map(goal);
        SkipHabit.Map(goal);
        UnskipHabit.Map(goal);
        GetHabit.Map(goal);
    }
}
