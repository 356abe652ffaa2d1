import { TimestampedRow } from '../../common/timestamps';
import { References } from '../../common/references';
import { Check, Column, Entity, Index, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { User } from './user.entity';

@Entity({ name: 'escalation_policy' })
@Index('UQ_escalation_policy_name', { synchronize: false })
@Check('CHK_escalation_policy_num_loops', '"num_loops" BETWEEN 0 AND 9')
export class EscalationPolicy extends TimestampedRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** Unique regardless of case (index on lower(name), in the migration). */
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', default: '' }) description!: string;
  @Column({ name: 'num_loops', type: 'int', default: 0 }) numLoops!: number;
  @OneToMany(() => EscalationRule, (r) => r.policy) rules?: EscalationRule[];
}

@Entity({ name: 'escalation_rule' })
@Index('UQ_escalation_rule_position', ['policyId', 'position'], { unique: true })
@Check('CHK_escalation_rule_delay', '"delay_minutes" >= 1')
export class EscalationRule {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'policy_id', type: 'uuid' }) policyId!: string;
  @References(() => EscalationPolicy, 'policy_id', 'FK_escalation_rule_policy', 'CASCADE', (p) => p.rules) policy?: EscalationPolicy;
  @Column({ type: 'int' }) position!: number;
  @Column({ name: 'delay_minutes', type: 'int' }) delayMinutes!: number;
}

@Entity({ name: 'escalation_rule_target' })
@Index('UQ_escalation_rule_target_position', ['ruleId', 'position'], { unique: true })
@Index('IX_escalation_rule_target_user', ['userId'])
export class EscalationRuleTarget {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'rule_id', type: 'uuid' }) ruleId!: string;
  @References(() => EscalationRule, 'rule_id', 'FK_escalation_rule_target_rule', 'CASCADE') rule?: EscalationRule;
  @Column({ type: 'int' }) position!: number;
  /** Only USER targets exist today; the type is stored so schedules or teams can come later. */
  @Column({ name: 'target_type', type: 'text', default: 'USER' }) targetType!: 'USER';
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  // RESTRICT: a user still targeted cannot vanish; the service layer names the policy first.
  @References(() => User, 'user_id', 'FK_escalation_rule_target_user', 'RESTRICT') user?: User;
}
