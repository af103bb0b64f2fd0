import type { Path } from '../document';
import { pathText } from '../document';
import { problemsId, useForm } from './FormContext';

/** The problems the server found at or under this field, right below it. */
export const FieldProblems = ({ path }: { readonly path: Path }) => {
  const { problemsAt } = useForm();
  const problems = problemsAt(path);
  if (problems.length === 0) return null;
  return (
    <div id={problemsId(path)} data-testid={`problems-${pathText(path)}`}>
      {problems.map((problem, i) => (
        <p key={`${problem.path}-${i}`} className="csla-field-problem" data-path={problem.path}>
          {problem.message}
        </p>
      ))}
    </div>
  );
};

/** aria attributes of an input whose field may have problems. */
export const useInvalidProps = (path: Path) => {
  const { problemsAt } = useForm();
  const invalid = problemsAt(path).length > 0;
  return invalid ? { 'aria-invalid': true as const, 'aria-describedby': problemsId(path) } : {};
};
