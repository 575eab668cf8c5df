package cn.zhibiao.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

class JobMessageTest {

    private static JobExecution execution(BatchStatus status) {
        JobExecution execution = new JobExecution(1, new JobInstance(1, BulkJob.NAME), new JobParameters());
        execution.setStatus(status);
        return execution;
    }

    @Test
    void aFailedJobSaysWhyWithoutTheExceptionClassOrStackTrace() {
        JobExecution execution = execution(BatchStatus.FAILED);
        StepExecution step = new StepExecution("declarations", execution);
        step.setExitStatus(ExitStatus.FAILED.addExitDescription(
                "java.lang.IllegalStateException: 任务 7 正由另一个实例运行\n\tat cn.zhibiao.bulk.JobLocks.beforeJob"));
        execution.addStepExecutions(java.util.List.of(step));

        assertThat(BulkJobs.message(execution))
                .isEqualTo("已中断（应用异常退出或出错），可以继续或放弃。原因：任务 7 正由另一个实例运行");
    }

    @Test
    void aJobInterruptedByACrashKeepsTheGeneralMessage() {
        assertThat(BulkJobs.message(execution(BatchStatus.FAILED)))
                .isEqualTo("已中断（应用异常退出或出错），可以继续或放弃");
        assertThat(BulkJobs.message(execution(BatchStatus.STARTED))).isEqualTo("正在处理");
    }
}
