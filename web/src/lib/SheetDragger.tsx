import { Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';

/** Where a user drops (or picks) one .xlsx sheet to upload: the chosen file is handed over, never sent by antd. */
export function SheetDragger({
  fileName,
  drop,
  hint,
  disabled,
  onFile,
}: {
  fileName: string | undefined;
  drop: string;
  hint: string;
  disabled?: boolean;
  onFile: (file: File) => void;
}) {
  return (
    <Upload.Dragger
      accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      multiple={false}
      showUploadList={false}
      disabled={disabled}
      beforeUpload={(f) => {
        onFile(f);
        return false;
      }}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p className="ant-upload-text">{fileName ?? drop}</p>
      <p className="ant-upload-hint">{hint}</p>
    </Upload.Dragger>
  );
}
